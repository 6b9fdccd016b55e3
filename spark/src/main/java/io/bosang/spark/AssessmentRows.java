package io.bosang.spark;

import io.bosang.engine.ClaimInput;
import io.bosang.engine.EntitlementKeys;
import io.bosang.engine.Policy;
import io.bosang.engine.Settlement;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Entitlement;
import io.bosang.result.Finding;
import io.bosang.result.PriorGrant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the job moves between stages, and the two per-record steps that run on the executors: evaluation (read,
 * assess, render, and state what settlement needs) and the application of settlement's verdicts with the core's
 * {@link Settlement#duplicate} and {@link Settlement#withVerdicts}, so every finding reads as in a single run.
 */
final class AssessmentRows {
    private AssessmentRows() {
    }

    /** One award line as settlement sees it: its index in the assessment and the (entitlement, unit, key) it asks for. */
    static final StructType ASK = new StructType(new StructField[]{
            field("line", DataTypes.IntegerType, false),
            field("entitlement", DataTypes.StringType, false),
            field("unit", DataTypes.StringType, false),
            field("key", DataTypes.StringType, false),
            field("pool", DataTypes.StringType, true),
            field("limit", DataTypes.LongType, true)});

    /** One award line as the exposure summary counts it. */
    static final StructType LINE_FACT = new StructType(new StructField[]{
            field("kind", DataTypes.StringType, false),
            field("ruleId", DataTypes.StringType, false),
            field("monetaryKrw", DataTypes.LongType, false),
            field("nominalKrw", DataTypes.LongType, false),
            field("extensionSeconds", DataTypes.LongType, false),
            field("extensionNanos", DataTypes.LongType, false),
            field("pool", DataTypes.StringType, true),
            field("assumed", new ArrayType(DataTypes.StringType, false), false)});

    /** What the exposure summary needs of a settled assessment. */
    static final StructField[] FACTS = {
            field("outcome", DataTypes.StringType, false),
            field("monetaryKrw", DataTypes.LongType, false),
            field("nominalKrw", DataTypes.LongType, false),
            field("rejectedField", DataTypes.StringType, true),
            field("findingCodes", new ArrayType(DataTypes.StringType, false), false),
            field("lineFacts", new ArrayType(LINE_FACT, false), false)};

    /** A record evaluated under one policy, before settlement. */
    static final StructType EVALUATED = struct(
            new StructField[]{
                    field("policy", DataTypes.IntegerType, false),
                    field("record", DataTypes.LongType, false),
                    // the input record as read (ClaimLines.InputRecord), to read it again when settlement changes it
                    field("file", DataTypes.IntegerType, false),
                    field("line", DataTypes.LongType, false),
                    field("byteOffset", DataTypes.LongType, false),
                    field("input", DataTypes.BinaryType, false),
                    field("rendered", DataTypes.StringType, false),
                    field("settles", DataTypes.BooleanType, false),
                    field("claimId", DataTypes.StringType, true),
                    field("idKey", DataTypes.StringType, true),
                    field("contentKey", DataTypes.StringType, true),
                    field("asks", new ArrayType(ASK, false), false)},
            FACTS);

    /** A record's settled assessment under one policy: its NDJSON line and its summary facts. */
    static final StructType SETTLED = struct(
            new StructField[]{
                    field("policy", DataTypes.IntegerType, false),
                    field("record", DataTypes.LongType, false),
                    field("rendered", DataTypes.StringType, false)},
            FACTS);

    private static final int FILE = EVALUATED.fieldIndex("file");
    private static final int LINE = EVALUATED.fieldIndex("line");
    private static final int BYTE_OFFSET = EVALUATED.fieldIndex("byteOffset");
    private static final int INPUT = EVALUATED.fieldIndex("input");
    private static final int RENDERED = EVALUATED.fieldIndex("rendered");

    /**
     * Reads one input record as {@code bosang assess} reads it: an NDJSON line with its file's start (the same
     * rejection text, naming line, column and byte offset), or a Parquet row's JSON.
     */
    static ClaimInput read(ClaimLines.InputRecord r, List<ClaimSource.FileStart> starts, ClaimReader reader) {
        if (r.file() == ClaimLines.InputRecord.PARQUET_ROW) return ClaimSource.readLine(r.record(), new String(r.bytes(), StandardCharsets.UTF_8), reader);
        return ClaimSource.readLine(r.record(), starts.get(r.file()), r.line(), r.byteOffset(), r.bytes(), reader);
    }

    /** Reads, assesses and renders one record under each policy, exactly as {@code BatchAssessor} does per record. */
    static List<Row> evaluate(ClaimLines.InputRecord r, List<ClaimSource.FileStart> starts, ClaimReader reader, List<Policy> policies) {
        long record = r.record();
        ClaimInput in = read(r, starts, reader);
        List<Row> out = new ArrayList<>(policies.size());
        for (int k = 0; k < policies.size(); k++) {
            Assessment a = assess(in, policies.get(k));
            boolean settles = Settlement.settles(in, a);
            List<Row> asks = new ArrayList<>();
            if (settles) {
                for (int i = 0; i < a.lines().size(); i++) {
                    AwardLine l = a.lines().get(i);
                    Entitlement e = l.owedPer();
                    if (e == null) throw new IllegalStateException("line of " + l.ruleId() + " says nothing of what it is owed per");
                    asks.add(RowFactory.create(i, e.entitlement(), e.unit().name(), e.key(),
                            l.quota() == null ? null : l.quota().pool(), l.quota() == null ? null : l.quota().limit()));
                }
            }
            Object[] head = {k, record, r.file(), r.line(), r.byteOffset(), r.bytes(), Json.line(a), settles,
                    settles ? in.claim().id() : null,
                    settles ? EntitlementKeys.claimId(in.claim()) : null,
                    settles ? EntitlementKeys.content(in.claim()) : null,
                    asks.toArray(new Row[0])};
            out.add(RowFactory.create(concat(head, facts(a))));
        }
        return out;
    }

    static Assessment assess(ClaimInput in, Policy policy) {
        return in.valid() ? policy.assess(in.claim(), in.record())
                : Assessment.rejected(in.record(), in.claimId(), policy.stamp(), in.rejection());
    }

    /**
     * The settled row of an evaluated record. {@code change} is null when settlement changes nothing (the line written
     * at evaluation stands, as {@code BatchAssessor} keeps its rendering); otherwise the record is read and assessed
     * again (the engine is deterministic) and the verdicts are applied with the core's functions.
     */
    static Row settle(Row evaluated, Row change, List<ClaimSource.FileStart> starts, ClaimReader reader, Policy policy) {
        int k = evaluated.getInt(0);
        long record = evaluated.getLong(1);
        if (change == null) {
            Object[] head = {k, record, evaluated.getString(RENDERED)};
            Object[] facts = new Object[FACTS.length];
            for (int i = 0; i < FACTS.length; i++) facts[i] = evaluated.get(EVALUATED.fieldIndex(FACTS[i].name()));
            return RowFactory.create(concat(head, facts));
        }
        ClaimInput in = read(new ClaimLines.InputRecord(record, evaluated.getInt(FILE), evaluated.getLong(LINE), evaluated.getLong(BYTE_OFFSET),
                (byte[]) evaluated.get(INPUT)), starts, reader);
        Assessment a = assess(in, policy);
        Assessment settled;
        String dupBy = change.getString(change.fieldIndex("dupBy"));
        if (dupBy != null) {
            PriorGrant first = new PriorGrant(change.getLong(change.fieldIndex("holderRecord")), change.getString(change.fieldIndex("holderClaimId")));
            settled = Settlement.duplicate(record, a, first, "id".equals(dupBy));
        } else {
            List<Settlement.Verdict> verdicts = new ArrayList<>(a.lines().size());
            for (int i = 0; i < a.lines().size(); i++) verdicts.add(Settlement.GRANTED);
            for (Row v : change.<Row>getList(change.fieldIndex("verdicts"))) {
                int line = v.getInt(0);
                if (line >= verdicts.size()) throw new IllegalStateException("record " + record + " assessed again gave "
                        + verdicts.size() + " lines, fewer than at evaluation: the policy is not deterministic");
                verdicts.set(line, switch (v.getInt(1)) {
                    case SparkSettlement.ALREADY_GRANTED -> new Settlement.AlreadyGranted(new PriorGrant(v.getLong(2), v.getString(3)));
                    case SparkSettlement.QUOTA_EXHAUSTED -> Settlement.EXHAUSTED;
                    default -> throw new IllegalStateException("unknown verdict " + v.getInt(1));
                });
            }
            settled = Settlement.withVerdicts(a, verdicts);
        }
        return RowFactory.create(concat(new Object[]{k, record, Json.line(settled)}, facts(settled)));
    }

    /** What {@code ExposureSummary.accept} reads of an assessment. */
    static Object[] facts(Assessment a) {
        List<Row> lines = new ArrayList<>(a.lines().size());
        for (AwardLine l : a.lines()) {
            Duration ext = l.extension() == null ? Duration.ZERO : l.extension();
            String[] assumed = l.parameters().stream().filter(io.bosang.params.ParameterValue::assumed)
                    .map(io.bosang.params.ParameterValue::id).toArray(String[]::new);
            lines.add(RowFactory.create(l.kind().name(), l.ruleId(), l.kind().monetary() ? l.amountKrw() : 0L, l.nominalValueKrw(),
                    ext.getSeconds(), (long) ext.getNano(), l.quota() == null ? null : l.quota().pool(), assumed));
        }
        String[] codes = a.findings().stream().map(Finding::code).toArray(String[]::new);
        return new Object[]{a.outcome().name(), a.totals().monetaryKrw(), a.totals().nominalInKindKrw(),
                a.rejection() == null ? null : a.rejection().field(), codes, lines.toArray(new Row[0])};
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }

    private static StructType struct(StructField[] head, StructField[] tail) {
        StructField[] all = new StructField[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return new StructType(all);
    }

    private static Object[] concat(Object[] head, Object[] tail) {
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
