package io.bosang.engine;

import io.bosang.result.PriorGrant;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's settlement memory. Keys are 64-bit FNV-1a hashes of their parts in an open-addressing table of
 * {@code long} keys and {@code int} record numbers, three-quarters full (12 bytes a slot, about 4 keys a claim);
 * the claim id of each record that holds a key is kept once, as UTF-8 in an arena. A million claims fit in a few
 * tens of MB. Two distinct keys sharing a hash (about 1 in 10^12 for a million claims) would make the later claim
 * look like a repeat: it is refused, never paid twice.
 */
final class InMemorySettlementState implements SettlementState {
    private final LongIntTable keys = new LongIntTable();
    private final ClaimIds claimIds = new ClaimIds();
    private final Map<String, Long> pools = new TreeMap<>();

    @Override
    public PriorGrant holder(String kind, String... parts) {
        int record = keys.get(hash(kind, parts));
        return record == 0 ? null : new PriorGrant(record, claimIds.get(record));
    }

    @Override
    public void hold(PriorGrant holder, String kind, String... parts) {
        if (holder.record() <= 0 || holder.record() > Integer.MAX_VALUE) throw new IllegalArgumentException("record number out of range: " + holder.record());
        int record = (int) holder.record();
        keys.put(hash(kind, parts), record);
        claimIds.put(record, holder.claimId());
    }

    @Override
    public long drawn(String pool) {
        return pools.getOrDefault(pool, 0L);
    }

    @Override
    public void draw(String pool) {
        pools.merge(pool, 1L, Long::sum);
    }

    @Override
    public Map<String, Long> pools() {
        return Map.copyOf(pools);
    }

    /**
     * FNV-1a 64 over the parts' UTF-16 code units, each part followed by a separator: stable across JVMs, unlike
     * String.hashCode's 32 bits, and without building a joined string (this runs on the one thread that settles).
     */
    static long hash(String kind, String... parts) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, kind);
        for (String part : parts) h = mix(h, part);
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String part) {
        for (int i = 0, n = part.length(); i < n; i++) {
            char ch = part.charAt(i);
            h ^= ch & 0xff;
            h *= 0x100000001b3L;
            h ^= ch >>> 8;
            h *= 0x100000001b3L;
        }
        return h * 0x100000001b3L;   // the separator: ("ab","c") and ("a","bc") differ
    }

    /** Open addressing long → record number (non-zero keys and values), filled to three quarters. */
    static final class LongIntTable {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) return 0;
                if (keys[i] == key) return values[i];
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 4L > keys.length * 3L) grow();
            int mask = keys.length - 1;
            for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
            }
        }

        private void grow() {
            long[] oldK = keys;
            int[] oldV = values;
            keys = new long[oldK.length * 2];
            values = new int[oldV.length * 2];
            size = 0;
            for (int i = 0; i < oldK.length; i++) if (oldK[i] != 0) put(oldK[i], oldV[i]);
        }

        private static int spread(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** The claim id of each record that holds a key, as UTF-8 in one growing arena: about 12 bytes a claim. */
    static final class ClaimIds {
        private byte[] bytes = new byte[1 << 14];
        private int used;
        private final LongIntTable startOf = new LongIntTable();   // record → 1 + offset of its id
        private int lastRecord;

        void put(int record, String claimId) {
            if (record == lastRecord || startOf.get(record) != 0) return;
            byte[] id = claimId.getBytes(StandardCharsets.UTF_8);
            ensure(used + 4 + id.length);
            startOf.put(record, used + 1);
            bytes[used++] = (byte) (id.length >>> 24);
            bytes[used++] = (byte) (id.length >>> 16);
            bytes[used++] = (byte) (id.length >>> 8);
            bytes[used++] = (byte) id.length;
            System.arraycopy(id, 0, bytes, used, id.length);
            used += id.length;
            lastRecord = record;
        }

        String get(int record) {
            int start = startOf.get(record) - 1;
            if (start < 0) return "";
            int length = (bytes[start] & 0xff) << 24 | (bytes[start + 1] & 0xff) << 16 | (bytes[start + 2] & 0xff) << 8 | (bytes[start + 3] & 0xff);
            return new String(bytes, start + 4, length, StandardCharsets.UTF_8);
        }

        private void ensure(int capacity) {
            if (capacity < 0) throw new IllegalStateException("claim id arena over 2 GB");
            if (capacity > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(capacity, (int) Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L)));
        }
    }
}
