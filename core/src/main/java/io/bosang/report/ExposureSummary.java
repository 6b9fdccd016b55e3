package io.bosang.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import io.bosang.rules.Hours;
import io.bosang.rules.Krw;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a run commits the operator to: counts per outcome, money and nominal in-kind value per award kind and per
 * rule, how much of it rests on assumed parameter values (in all and per value), why claims were not paid (finding
 * codes), the manual-review queue, limited pools granted, and which fields rejected records got wrong. Feed it every assessment of a run, in any order; its totals do not depend on order.
 * Not thread-safe: a run's sink calls it from one thread.
 */
public final class ExposureSummary implements Consumer<Assessment> {
    private long records;
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private long monetaryKrw;
    private long nominalInKindKrw;
    private final Map<String, Bucket> byKind = new TreeMap<>();
    private final Map<String, Bucket> byRule = new TreeMap<>();
    private final Bucket onAssumed = new Bucket();
    private final Map<String, Bucket> byAssumedValue = new TreeMap<>();
    private final Map<String, Long> findingCodes = new TreeMap<>();
    private final Map<String, Long> poolsGranted = new TreeMap<>();
    private final Map<String, Long> rejectedFields = new TreeMap<>();

    public ExposureSummary() {
        for (Outcome o : Outcome.values()) outcomes.put(o, 0L);
    }

    @Override
    public void accept(Assessment a) {
        records++;
        outcomes.merge(a.outcome(), 1L, Long::sum);
        monetaryKrw = Math.addExact(monetaryKrw, a.totals().monetaryKrw());
        nominalInKindKrw = Math.addExact(nominalInKindKrw, a.totals().nominalInKindKrw());
        for (AwardLine l : a.lines()) {
            byKind.computeIfAbsent(l.kind().name(), k -> new Bucket()).add(l);
            byRule.computeIfAbsent(l.ruleId(), k -> new Bucket()).add(l);
            if (l.quota() != null) poolsGranted.merge(l.quota().pool(), 1L, Long::sum);
            boolean assumed = false;
            for (ParameterValue v : l.parameters()) {
                if (!v.assumed()) continue;
                assumed = true;
                byAssumedValue.computeIfAbsent(v.id(), k -> new Bucket()).add(l);
            }
            if (assumed) onAssumed.add(l);
        }
        for (Finding f : a.findings()) findingCodes.merge(f.code(), 1L, Long::sum);
        if (a.rejection() != null) rejectedFields.merge(a.rejection().field(), 1L, Long::sum);
    }

    /** The summary as a value, for JSON. */
    public Report report() {
        Map<String, Tally> kinds = new TreeMap<>();
        byKind.forEach((k, b) -> kinds.put(k, b.view()));
        Map<String, Tally> rules = new TreeMap<>();
        byRule.forEach((k, b) -> rules.put(k, b.view()));
        Map<String, Long> outs = new TreeMap<>();
        outcomes.forEach((k, v) -> outs.put(k.name(), v));
        Map<String, Tally> assumed = new TreeMap<>();
        byAssumedValue.forEach((k, b) -> assumed.put(k, b.view()));
        return new Report(records, outs, monetaryKrw, nominalInKindKrw, outcomes.get(Outcome.MANUAL_REVIEW), kinds, rules,
                onAssumed.view(), assumed, new TreeMap<>(findingCodes), new TreeMap<>(poolsGranted), new TreeMap<>(rejectedFields));
    }

    /** The summary as a table a person reads. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Records %,d — award %,d, no award %,d, manual review %,d, rejected %,d, error %,d%n",
                records, outcomes.get(Outcome.AWARD), outcomes.get(Outcome.NO_AWARD), outcomes.get(Outcome.MANUAL_REVIEW),
                outcomes.get(Outcome.REJECTED), outcomes.get(Outcome.ERROR)));
        sb.append(String.format(Locale.ROOT, "Money %s KRW; in kind (nominal) %s KRW; manual-review queue %,d%n%n",
                Krw.format(monetaryKrw), Krw.format(nominalInKindKrw), outcomes.get(Outcome.MANUAL_REVIEW)));
        sb.append(String.format(Locale.ROOT, "%-20s %10s %18s %18s %14s%n", "RULE", "LINES", "MONEY KRW", "IN KIND KRW", "EXTENSION"));
        byRule.forEach((rule, b) -> sb.append(String.format(Locale.ROOT, "%-20s %,10d %18s %18s %14s%n", rule, b.lines,
                Krw.format(b.monetaryKrw), Krw.format(b.nominalKrw), b.extension.isZero() ? "" : Hours.format(b.extension))));
        if (onAssumed.lines > 0) {
            sb.append(String.format(Locale.ROOT, "%nResting on assumed values: %,d lines, money %s KRW, in kind %s KRW%s%n", onAssumed.lines,
                    Krw.format(onAssumed.monetaryKrw), Krw.format(onAssumed.nominalKrw),
                    onAssumed.extension.isZero() ? "" : ", extension " + Hours.format(onAssumed.extension)));
            sb.append(String.format(Locale.ROOT, "%-40s %10s %18s %18s%n", "ASSUMED VALUE", "LINES", "MONEY KRW", "IN KIND KRW"));
            byAssumedValue.forEach((id, b) -> sb.append(String.format(Locale.ROOT, "%-40s %,10d %18s %18s%n", id, b.lines,
                    Krw.format(b.monetaryKrw), Krw.format(b.nominalKrw))));
        }
        sb.append(String.format(Locale.ROOT, "%n%-28s %10s%n", "FINDING (why not, or not all)", "CLAIMS"));
        findingCodes.forEach((code, n) -> sb.append(String.format(Locale.ROOT, "%-28s %,10d%n", code, n)));
        if (!poolsGranted.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-28s %10s%n", "LIMITED POOL", "GRANTED"));
            poolsGranted.forEach((pool, n) -> sb.append(String.format(Locale.ROOT, "%-28s %,10d%n", pool, n)));
        }
        if (!rejectedFields.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-28s %10s%n", "REJECTED FIELD", "RECORDS"));
            rejectedFields.forEach((f, n) -> sb.append(String.format(Locale.ROOT, "%-28s %,10d%n", f, n)));
        }
        return sb.toString();
    }

    /**
     * The summary of a run. {@code onAssumedValues} counts the lines that read at least one assumed parameter value
     * (a line counts once however many it read); {@code byAssumedValue} the lines per assumed value.
     */
    @JsonPropertyOrder({"records", "outcomes", "monetaryKrw", "nominalInKindKrw", "manualReviewQueue", "byKind", "byRule",
            "onAssumedValues", "byAssumedValue", "findingCodes", "poolsGranted", "rejectedFields"})
    public record Report(long records, Map<String, Long> outcomes, long monetaryKrw, long nominalInKindKrw, long manualReviewQueue,
                         Map<String, Tally> byKind, Map<String, Tally> byRule, Tally onAssumedValues, Map<String, Tally> byAssumedValue,
                         Map<String, Long> findingCodes, Map<String, Long> poolsGranted, Map<String, Long> rejectedFields) {
    }

    static final class Bucket {
        long lines;
        long monetaryKrw;
        long nominalKrw;
        Duration extension = Duration.ZERO;

        void add(AwardLine l) {
            lines++;
            if (l.kind().monetary()) monetaryKrw = Math.addExact(monetaryKrw, l.amountKrw());
            nominalKrw = Math.addExact(nominalKrw, l.nominalValueKrw());
            if (l.extension() != null) extension = extension.plus(l.extension());
        }

        Tally view() {
            return new Tally(lines, monetaryKrw, nominalKrw, extension);
        }
    }

    /** Lines, money, nominal in-kind value and extension time of one award kind or rule. */
    @JsonPropertyOrder({"lines", "monetaryKrw", "nominalInKindKrw", "extension"})
    public record Tally(long lines, long monetaryKrw, long nominalInKindKrw, Duration extension) {
    }
}
