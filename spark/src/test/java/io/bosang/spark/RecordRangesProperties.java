package io.bosang.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The output's part files are consecutive ranges of records: concatenated in name order they are the records in
 * order, whatever the record count and number of parts.
 */
class RecordRangesProperties {
    @Test
    void partsAreConsecutiveNonEmptyRangesFromTheFirstRecordToTheLast() {
        qt().withExamples(300).forAll(longs().between(1, 5_000), integers().between(1, 64)).checkAssert((records, parts) -> {
            RecordRanges r = RecordRanges.of(records, Math.max(1, records / parts), false);
            int previous = 0;
            boolean[] used = new boolean[r.numPartitions()];
            for (long record = 1; record <= records; record++) {
                int p = r.getPartition(record);
                assertTrue(p >= previous && p <= previous + 1, "record " + record + " goes to part " + p + " after part " + previous);
                used[p] = true;
                previous = p;
            }
            assertEquals(0, r.getPartition(1L));
            for (int p = 0; p < used.length; p++) assertTrue(used[p], "part " + p + " of " + used.length + " is empty for " + records + " records");
        });
    }

    @Test
    void aMillionRecordsMakeAHundredPartsOfTenThousandAndASingleFileOnePart() {
        RecordRanges r = RecordRanges.of(1_000_000, SparkAssessJob.RECORDS_PER_PART, false);
        assertEquals(100, r.numPartitions());
        assertEquals(0, r.getPartition(10_000L));
        assertEquals(1, r.getPartition(10_001L));
        assertEquals(99, r.getPartition(1_000_000L));
        assertEquals(1, RecordRanges.of(1_000_000, SparkAssessJob.RECORDS_PER_PART, true).numPartitions());
    }
}
