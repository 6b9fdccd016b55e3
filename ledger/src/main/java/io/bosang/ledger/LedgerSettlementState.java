package io.bosang.ledger;

import io.bosang.engine.SettlementState;
import io.bosang.result.PriorGrant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SettlementState} on PostgreSQL, for one decision transaction of one policy, which holds the policy's
 * advisory lock: no other decision of the policy runs until it commits, so what this state reads stays true while it
 * decides. The keys a batch may ask for are read in one query before settlement ({@link #prefetch}); holds and draws
 * are kept here and written in batches by {@link #flush}. A key not prefetched is read when asked.
 */
final class LedgerSettlementState implements SettlementState {
    private final Handle handle;
    private final String policyId;
    private final Map<String, PriorGrant> holders = new HashMap<>();   // key sha → holder, or absent after lookup
    private final Map<String, Boolean> looked = new HashMap<>();
    private final List<Hold> newHolds = new ArrayList<>();
    private final Map<String, long[]> pools = new TreeMap<>();          // pool → {drawn, limit}
    private final Map<String, Long> limits = new HashMap<>();
    private final List<Draw> newDraws = new ArrayList<>();
    private final Map<String, Long> drawnAtStart = new HashMap<>();
    private boolean poolsRead;
    private long drawer;   // the decision being settled: its draws are recorded against it

    private record Hold(String kind, String sha, long decision, String claimId, String entitlement, String unit, String unitKey) {
    }

    private record Draw(String pool, long n, long limit, long decision) {
    }

    LedgerSettlementState(Handle handle, String policyId) {
        this.handle = handle;
        this.policyId = policyId;
    }

    /** The limit each pool's lines carry in this batch (a pool row records the limit it was drawn under). */
    void limit(String pool, long limit) {
        limits.put(pool, limit);
    }

    /** The stored key of a settlement key of this policy. */
    String sha(String kind, String... parts) {
        String[] all = new String[parts.length + 2];
        all[0] = policyId;
        all[1] = kind;
        System.arraycopy(parts, 0, all, 2, parts.length);
        return HoldKeys.sha256(all);
    }

    /** Reads, in one query per kind, which of {@code keys} (kind → stored keys, see {@link #sha}) are held. */
    void prefetch(Map<String, ? extends Collection<String>> keys) {
        for (Map.Entry<String, ? extends Collection<String>> e : keys.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            List<String> shas = new ArrayList<>(e.getValue());
            handle.createQuery("select key_sha256, decision_no, claim_id from settlement_hold where key_sha256 = any(:keys)")
                    .bindArray("keys", String.class, shas)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new PriorGrant(rs.getLong(2), rs.getString(3))))
                    .forEach(found -> holders.put(e.getKey() + "\u001f" + found.getKey(), found.getValue()));
            for (String sha : shas) looked.put(e.getKey() + "\u001f" + sha, Boolean.TRUE);
        }
    }

    @Override
    public PriorGrant holder(String kind, String... parts) {
        String sha = sha(kind, parts);
        String id = kind + "\u001f" + sha;
        if (!looked.containsKey(id)) {
            handle.createQuery("select decision_no, claim_id from settlement_hold where key_sha256 = :s")
                    .bind("s", sha)
                    .map((rs, ctx) -> new PriorGrant(rs.getLong(1), rs.getString(2)))
                    .findOne().ifPresent(g -> holders.put(id, g));
            looked.put(id, Boolean.TRUE);
        }
        return holders.get(id);
    }

    @Override
    public void hold(PriorGrant holder, String kind, String... parts) {
        String sha = sha(kind, parts);
        String id = kind + "\u001f" + sha;
        if (holders.putIfAbsent(id, holder) != null) throw new IllegalStateException("key of kind " + kind + " held twice in one transaction");
        looked.put(id, Boolean.TRUE);
        boolean grant = "grant".equals(kind) && parts.length == 3;
        newHolds.add(new Hold(kind, sha, holder.record(), holder.claimId(),
                grant ? parts[0] : null, grant ? parts[1] : null, grant ? parts[2] : null));
    }

    private void readPools() {
        if (poolsRead) return;
        handle.createQuery("select pool, drawn, pool_limit from pool where policy_id = :p").bind("p", policyId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> {
                    pools.put(e.getKey(), e.getValue());
                    drawnAtStart.put(e.getKey(), e.getValue()[0]);
                });
        poolsRead = true;
    }

    @Override
    public long drawn(String pool) {
        readPools();
        long[] p = pools.get(pool);
        return p == null ? 0 : p[0];
    }

    /** Called by settlement for the decision it is settling (see {@link #settling}). */
    @Override
    public void draw(String pool) {
        readPools();
        Long limit = limits.get(pool);
        if (limit == null) throw new IllegalStateException("pool " + pool + " drawn without a known limit");
        long[] p = pools.computeIfAbsent(pool, k -> new long[]{0, limit});
        p[0]++;
        p[1] = limit;
        newDraws.add(new Draw(pool, p[0], limit, drawer));
    }

    /** The decision being settled: draws are recorded against it. */
    void settling(long decision) {
        this.drawer = decision;
    }

    @Override
    public Map<String, Long> pools() {
        readPools();
        Map<String, Long> out = new TreeMap<>();
        pools.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Writes the holds and draws of this transaction (after the decisions they name). */
    void flush() {
        if (!newHolds.isEmpty()) {
            PreparedBatch b = handle.prepareBatch("insert into settlement_hold (policy_id, kind, key_sha256, decision_no, claim_id, entitlement, unit, unit_key) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)");
            for (Hold h : newHolds) b.add(policyId, h.kind(), h.sha(), h.decision(), h.claimId(), h.entitlement(), h.unit(), h.unitKey());
            b.execute();
        }
        if (!newDraws.isEmpty()) {
            PreparedBatch b = handle.prepareBatch("insert into pool_draw (policy_id, pool, n, pool_limit, decision_no) values (?, ?, ?, ?, ?)");
            for (Draw d : newDraws) b.add(policyId, d.pool(), d.n(), d.limit(), d.decision());
            b.execute();
            Map<String, long[]> changed = new LinkedHashMap<>();
            for (Draw d : newDraws) changed.put(d.pool(), pools.get(d.pool()));
            PreparedBatch u = handle.prepareBatch("insert into pool (policy_id, pool, drawn, pool_limit) values (?, ?, ?, ?) "
                    + "on conflict (policy_id, pool) do update set drawn = excluded.drawn, pool_limit = excluded.pool_limit "
                    + "where pool.drawn = ?");
            changed.forEach((pool, v) -> u.add(policyId, pool, v[0], v[1], drawnAtStart.getOrDefault(pool, 0L)));
            int[] counts = u.execute();
            for (int c : counts) {
                if (c != 1) throw new IllegalStateException("a pool was drawn by another writer during this decision: the policy lock was bypassed");
            }
        }
    }
}
