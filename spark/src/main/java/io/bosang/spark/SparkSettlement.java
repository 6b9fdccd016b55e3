package io.bosang.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * {@link io.bosang.engine.Settlement}'s semantics as distributed group-bys, one window and joins: no record is brought
 * to the driver. Records are numbered in input order; every step is per policy.
 * <ol>
 *   <li>A settled record (readable, not rejected, no rule error) holds its normalised claim id and its content key
 *   when it is the first settled record with that key ({@code min(record)} per key). A record whose id was held by
 *   an earlier record is a duplicate by id, naming that record; else, if its content was, a duplicate by content.
 *   Exactly {@code Settlement.settle}: the first record of a key holds it even when it is itself a duplicate by the
 *   other key.</li>
 *   <li>Each award line of a non-duplicate asks for an (entitlement, unit, key). The first asker of an entitlement
 *   is the least (record, line) asking for it; other lines of the same entitlement in that record go with it; later
 *   records get {@code ALREADY_GRANTED} naming the first asker.</li>
 *   <li>An entitlement with a quota (pool, limit) is granted only when its first asker is among the first
 *   {@code limit} first askers of its pool, ordered by (record, line) ({@code row_number()} over the pool).
 *   Otherwise every asker of it, the first included, gets {@code QUOTA_EXHAUSTED}: an exhausted asker holds nothing,
 *   and the pool never grows back, so a later asker finds it exhausted too.</li>
 * </ol>
 * Step 3 equals the sequential ledger when every line of an entitlement carries the same quota and every line of a
 * pool the same limit (true of every shipped policy: one rule, one pool, one limit parameter per run date). A run
 * where that does not hold is refused with the pool or entitlement named, rather than settled differently.
 */
final class SparkSettlement {
    static final int GRANTED = 0;
    static final int ALREADY_GRANTED = 1;
    static final int QUOTA_EXHAUSTED = 2;

    private SparkSettlement() {
    }

    /**
     * The records settlement changes, per policy: {@code (policy, record, dupBy, holderRecord, holderClaimId,
     * verdicts)} where {@code dupBy} is {@code "id"} or {@code "content"} for a duplicate, else null and
     * {@code verdicts} lists {@code (line, verdict, holderRecord, holderClaimId)} for each line not granted.
     */
    static Dataset<Row> changes(Dataset<Row> evaluated) {
        Dataset<Row> settled = evaluated.filter(col("settles"))
                .select(col("policy"), col("record"), col("claimId"), col("idKey"), col("contentKey"), col("asks"));

        Dataset<Row> byId = settled.groupBy("policy", "idKey").agg(min(struct(col("record"), col("claimId"))).as("firstById"));
        Dataset<Row> byContent = settled.groupBy("policy", "contentKey").agg(min(struct(col("record"), col("claimId"))).as("firstByContent"));
        Dataset<Row> judged = settled.join(byId, seq("policy", "idKey")).join(byContent, seq("policy", "contentKey"))
                .withColumn("dupBy", when(col("firstById.record").lt(col("record")), lit("id"))
                        .when(col("firstByContent.record").lt(col("record")), lit("content")));

        Dataset<Row> duplicates = judged.filter(col("dupBy").isNotNull()).select(col("policy"), col("record"), col("dupBy"),
                when(col("dupBy").equalTo("id"), col("firstById.record")).otherwise(col("firstByContent.record")).as("holderRecord"),
                when(col("dupBy").equalTo("id"), col("firstById.claimId")).otherwise(col("firstByContent.claimId")).as("holderClaimId"));

        Dataset<Row> asks = judged.filter(col("dupBy").isNull())
                .select(col("policy"), col("record"), col("claimId"), explode(col("asks")).as("ask"))
                .select(col("policy"), col("record"), col("claimId"), col("ask.line").as("line"), col("ask.entitlement").as("entitlement"),
                        col("ask.unit").as("unit"), col("ask.key").as("key"), col("ask.pool").as("pool"), col("ask.limit").as("limit"));

        Dataset<Row> entitlements = asks.groupBy("policy", "entitlement", "unit", "key").agg(
                min(struct(col("record"), col("line"), col("claimId"))).as("first"),
                count(lit(1)).as("askers"), count(col("pool")).as("withPool"),
                min(col("pool")).as("pool"), max(col("pool")).as("maxPool"),
                min(col("limit")).as("limit"), max(col("limit")).as("maxLimit"));
        refuseInconsistentQuotas(entitlements);

        WindowSpec byPool = Window.partitionBy("policy", "pool").orderBy(col("first.record"), col("first.line"));
        Dataset<Row> limited = entitlements.filter(col("pool").isNotNull())
                .withColumn("granted", row_number().over(byPool).leq(col("limit")));
        Dataset<Row> unlimited = entitlements.filter(col("pool").isNull()).withColumn("granted", lit(true));
        Dataset<Row> status = limited.unionByName(unlimited)
                .select(col("policy"), col("entitlement"), col("unit"), col("key"), col("granted"),
                        col("first.record").as("holderRecord"), col("first.claimId").as("holderClaimId"));

        Column verdict = when(col("granted").equalTo(false), lit(QUOTA_EXHAUSTED))
                .when(col("holderRecord").equalTo(col("record")), lit(GRANTED))
                .otherwise(lit(ALREADY_GRANTED));
        Dataset<Row> notGranted = asks.join(status, seq("policy", "entitlement", "unit", "key"))
                .withColumn("verdict", verdict)
                .filter(col("verdict").notEqual(lit(GRANTED)))
                .groupBy("policy", "record")
                .agg(org.apache.spark.sql.functions.collect_list(struct(col("line"), col("verdict"),
                        col("holderRecord"), col("holderClaimId"))).as("verdicts"));

        return duplicates.unionByName(notGranted, true);
    }

    /**
     * A pool with two limits, or an entitlement asked for with two quotas (or with and without one), is refused,
     * naming at most three of them (one query; only those few rows reach the driver).
     */
    private static void refuseInconsistentQuotas(Dataset<Row> entitlements) {
        Dataset<Row> badEntitlements = entitlements
                .filter(col("withPool").notEqual(lit(0)).and(col("withPool").notEqual(col("askers"))
                        .or(col("pool").notEqual(col("maxPool"))).or(col("limit").notEqual(col("maxLimit")))))
                .select(concat(lit("entitlement "), col("entitlement"), lit(" ("), col("unit"), lit(" "), col("key"),
                        lit(") is asked for with different quotas")).as("why"));
        Dataset<Row> badPools = entitlements.filter(col("pool").isNotNull()).groupBy("policy", "pool")
                .agg(min(col("limit")).as("limit"), max(col("maxLimit")).as("maxLimit"))
                .filter(col("limit").notEqual(col("maxLimit")))
                .select(concat(lit("pool "), col("pool"), lit(" has limits "), col("limit").cast("string"), lit(" and "),
                        col("maxLimit").cast("string")).as("why"));
        List<Row> bad = badEntitlements.unionByName(badPools).limit(3).collectAsList();
        if (bad.isEmpty()) return;
        List<String> what = new ArrayList<>();
        bad.forEach(r -> what.add(r.getString(0)));
        throw new IllegalStateException("the run cannot be settled by ranking: " + String.join("; ", what)
                + ". Assess it with `bosang assess`, which settles every line in order.");
    }

    private static scala.collection.immutable.Seq<String> seq(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
