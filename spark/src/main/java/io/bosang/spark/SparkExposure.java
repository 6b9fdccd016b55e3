package io.bosang.spark;

import io.bosang.report.ExposureSummary;
import io.bosang.result.Outcome;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

/**
 * The exposure summary of one policy's settled assessments by one Spark SQL aggregation, into the same
 * {@link ExposureSummary.Report} that {@code bosang assess --summary FILE} writes (counts per outcome, money and
 * nominal in-kind value per award kind and rule, what rests on assumed parameter values, finding codes, limited
 * pools granted, rejected fields). Every fact
 * becomes a row (dimension, key, count, money, nominal, extension) and one group-by sums them: only a few rows per
 * rule, kind and code reach the driver. Sums run in ANSI mode, so an overflow fails the job instead of wrapping, as
 * {@code Math.addExact} fails the single run.
 */
final class SparkExposure {
    private SparkExposure() {
    }

    static ExposureSummary.Report of(Dataset<Row> settled) {
        Dataset<Row> lines = settled.select(explode(col("lineFacts")).as("l")).select("l.*");
        Dataset<Row> facts = fact(settled, "record", lit(""), col("monetaryKrw"), col("nominalKrw"), lit(0L), lit(0L))
                .unionByName(fact(settled, "outcome", col("outcome"), lit(0L), lit(0L), lit(0L), lit(0L)))
                .unionByName(fact(settled.filter(col("rejectedField").isNotNull()), "rejected", col("rejectedField"), lit(0L), lit(0L), lit(0L), lit(0L)))
                .unionByName(fact(settled.select(explode(col("findingCodes")).as("code")), "code", col("code"), lit(0L), lit(0L), lit(0L), lit(0L)))
                .unionByName(fact(lines, "kind", col("kind"), col("monetaryKrw"), col("nominalKrw"), col("extensionSeconds"), col("extensionNanos")))
                .unionByName(fact(lines, "rule", col("ruleId"), col("monetaryKrw"), col("nominalKrw"), col("extensionSeconds"), col("extensionNanos")))
                .unionByName(fact(lines.filter(col("pool").isNotNull()), "pool", col("pool"), lit(0L), lit(0L), lit(0L), lit(0L)))
                .unionByName(fact(lines.filter(size(col("assumed")).gt(0)), "assumed", lit(""), col("monetaryKrw"), col("nominalKrw"), col("extensionSeconds"), col("extensionNanos")))
                .unionByName(fact(lines.select(explode(col("assumed")).as("value"), col("monetaryKrw"), col("nominalKrw"), col("extensionSeconds"), col("extensionNanos")),
                        "assumedValue", col("value"), col("monetaryKrw"), col("nominalKrw"), col("extensionSeconds"), col("extensionNanos")));
        long records = 0;
        long money = 0;
        long nominal = 0;
        Map<String, Long> outcomes = new TreeMap<>();
        for (Outcome o : Outcome.values()) outcomes.put(o.name(), 0L);
        Map<String, ExposureSummary.Tally> byKind = new TreeMap<>();
        Map<String, ExposureSummary.Tally> byRule = new TreeMap<>();
        Map<String, ExposureSummary.Tally> byAssumed = new TreeMap<>();
        ExposureSummary.Tally onAssumed = new ExposureSummary.Tally(0, 0, 0, Duration.ZERO);
        Map<String, Long> codes = new TreeMap<>();
        Map<String, Long> pools = new TreeMap<>();
        Map<String, Long> rejected = new TreeMap<>();
        for (Row r : facts.groupBy("dimension", "key").agg(sum("n"), sum("money"), sum("nominal"), sum("extSeconds"), sum("extNanos")).collectAsList()) {
            String key = r.getString(1);
            long n = r.getLong(2);
            switch (r.getString(0)) {
                case "record" -> {
                    records = n;
                    money = r.getLong(3);
                    nominal = r.getLong(4);
                }
                case "outcome" -> outcomes.put(key, n);
                case "rejected" -> rejected.put(key, n);
                case "code" -> codes.put(key, n);
                case "pool" -> pools.put(key, n);
                case "kind" -> byKind.put(key, tally(r));
                case "rule" -> byRule.put(key, tally(r));
                case "assumed" -> onAssumed = tally(r);
                case "assumedValue" -> byAssumed.put(key, tally(r));
                default -> throw new IllegalStateException("unknown fact " + r.getString(0));
            }
        }
        return new ExposureSummary.Report(records, outcomes, money, nominal, outcomes.get(Outcome.MANUAL_REVIEW.name()),
                byKind, byRule, onAssumed, byAssumed, codes, pools, rejected);
    }

    private static Dataset<Row> fact(Dataset<Row> rows, String dimension, Column key, Column money, Column nominal, Column extSeconds, Column extNanos) {
        return rows.select(lit(dimension).as("dimension"), key.as("key"), lit(1L).as("n"), money.as("money"), nominal.as("nominal"),
                extSeconds.as("extSeconds"), extNanos.as("extNanos"));
    }

    private static ExposureSummary.Tally tally(Row r) {
        return new ExposureSummary.Tally(r.getLong(2), r.getLong(3), r.getLong(4), Duration.ofSeconds(r.getLong(5), r.getLong(6)));
    }
}
