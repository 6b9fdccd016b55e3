package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.json.ClaimInput;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What depends on more than one claim, decided in input order after the parallel evaluation, so the result does
 * not depend on thread count:
 * <ul>
 *   <li><b>No claim is paid twice.</b> A claim whose id was seen before, or whose claimant, incident, service and
 *   harm repeat an earlier claim's, gets no award lines and a {@code DUPLICATE_CLAIM} finding naming the first record.</li>
 *   <li><b>Limited quantities.</b> Award lines with a {@link io.bosang.result.Quota} are granted to the first
 *   {@code limit} claims of their pool in input order; later ones get a {@code QUOTA_EXHAUSTED} finding.</li>
 * </ul>
 * Claims are keyed by a 64-bit hash in a primitive open-addressing table, so a million claims cost about 32 MB.
 * One instance per run; not thread-safe (the run calls it from one thread, in order).
 */
public final class Settlement {
    public static final String RULE = "ENGINE-SETTLE";
    private final LongLongTable seen = new LongLongTable();
    private final Map<String, Long> granted = new HashMap<>();

    public Assessment settle(ClaimInput input, Assessment a) {
        if (!input.valid() || a.outcome() == Outcome.REJECTED || a.outcome() == Outcome.ERROR) return a;
        Claim c = input.claim();
        long byId = hash("id", c.id());
        long byContent = hash("content", c.claimant().id(), c.incident().id(), c.service().id(), c.harm().name());
        long firstById = seen.get(byId);
        long firstByContent = seen.get(byContent);
        if (firstById == 0) seen.put(byId, input.record());
        if (firstByContent == 0) seen.put(byContent, input.record());
        long first = firstById != 0 ? firstById : firstByContent;
        if (first != 0) {
            String why = firstById != 0 ? "the same claim id" : "the same claimant, incident, service and harm";
            Finding dup = new Finding(RULE, "A claim is settled once: later submissions of it are not paid again.",
                    FindingKind.NOT_ELIGIBLE, "DUPLICATE_CLAIM",
                    "Record " + input.record() + " repeats " + why + " as record " + first + ", which is the one assessed; nothing is paid twice.",
                    List.of());
            List<Finding> findings = new ArrayList<>(a.findings());
            findings.add(dup);
            return a.withLinesAndFindings(List.of(), findings);
        }
        boolean anyQuota = a.lines().stream().anyMatch(l -> l.quota() != null);
        if (!anyQuota) return a;
        List<AwardLine> kept = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(a.findings());
        for (AwardLine l : a.lines()) {
            if (l.quota() == null) {
                kept.add(l);
                continue;
            }
            long onceKey = hash("once", l.quota().pool(), c.claimant().id());
            long firstRecord = l.quota().perClaimant() ? seen.get(onceKey) : 0;
            long used = granted.getOrDefault(l.quota().pool(), 0L);
            if (firstRecord != 0) {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), FindingKind.NOT_ELIGIBLE, "ONCE_PER_CLAIMANT",
                        "'" + l.description() + "' is given once per claimant; claimant " + c.claimant().id()
                                + " received it with record " + firstRecord + ".", l.parameters()));
            } else if (l.quota().limit() != null && used >= l.quota().limit()) {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), FindingKind.NOT_ELIGIBLE, "QUOTA_EXHAUSTED",
                        "'" + l.description() + "' was limited to the first " + String.format(java.util.Locale.ROOT, "%,d", l.quota().limit())
                                + " claims in claim order (pool " + l.quota().pool() + "); this claim came later.", l.parameters()));
            } else {
                granted.put(l.quota().pool(), used + 1);
                if (l.quota().perClaimant()) seen.put(onceKey, input.record());
                kept.add(l);
            }
        }
        // Unchanged when every limited line was granted: the same instance, so a rendering made before settlement holds.
        return kept.size() == a.lines().size() && findings.size() == a.findings().size() ? a : a.withLinesAndFindings(kept, findings);
    }

    /** How many lines of each pool were granted so far. */
    public Map<String, Long> granted() {
        return Map.copyOf(granted);
    }

    /**
     * FNV-1a 64 over the parts' UTF-16 code units, each part followed by a 0 separator: stable across JVMs, unlike
     * String.hashCode's 32 bits, and without building or encoding a joined string (this runs once per claim on the
     * thread that settles, the one serial step of a batch).
     */
    static long hash(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                char ch = part.charAt(i);
                h ^= ch & 0xff;
                h *= 0x100000001b3L;
                h ^= ch >>> 8;
                h *= 0x100000001b3L;
            }
            h *= 0x100000001b3L;   // the separator: ("ab","c") and ("a","bc") differ
        }
        return h == 0 ? 1 : h;
    }

    /**
     * Open addressing long → record number (non-zero keys and values), filled to three quarters. This ledger is the
     * one thing a run keeps per claim (to pay a resubmitted claim once): 12 bytes a slot, about 3 keys a claim.
     */
    static final class LongLongTable {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        long get(long key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) return 0;
                if (keys[i] == key) return values[i];
            }
        }

        void put(long key, long value) {
            if (value <= 0 || value > Integer.MAX_VALUE) throw new IllegalArgumentException("record number out of range: " + value);
            if ((size + 1) * 4L > keys.length * 3L) grow();
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    keys[i] = key;
                    values[i] = (int) value;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    values[i] = (int) value;
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

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
