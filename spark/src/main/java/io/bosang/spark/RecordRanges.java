package io.bosang.spark;

import org.apache.spark.Partitioner;

/**
 * Partition {@code i} of {@code n} holds records {@code (i·N/n, (i+1)·N/n]}: the output's part files are ranges of
 * records in order, fixed by the record count and the number of parts alone (no sampling), so the same input gives
 * the same files, and the parts in name order are the single run's output.
 */
final class RecordRanges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int parts;
    private final long records;

    RecordRanges(int parts, long records) {
        if (parts < 1) throw new IllegalArgumentException("parts must be at least 1");
        this.parts = parts;
        this.records = Math.max(1, records);
    }

    /** One part per {@code perPart} records (at least one part), or a single part. */
    static RecordRanges of(long records, long perPart, boolean single) {
        int parts = single ? 1 : (int) Math.max(1, Math.min(100_000, (records + perPart - 1) / perPart));
        return new RecordRanges(parts, records);
    }

    @Override
    public int numPartitions() {
        return parts;
    }

    @Override
    public int getPartition(Object key) {
        long record = (Long) key;
        return (int) Math.min(parts - 1, Math.multiplyExact(Math.max(0, record - 1), (long) parts) / records);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordRanges r && r.parts == parts && r.records == records;
    }

    @Override
    public int hashCode() {
        return 31 * parts + Long.hashCode(records);
    }
}
