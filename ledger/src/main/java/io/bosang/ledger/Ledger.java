package io.bosang.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bosang.domain.Claim;
import io.bosang.domain.Identifiers;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.EntitlementKeys;
import io.bosang.engine.Policy;
import io.bosang.engine.Settlement;
import io.bosang.json.ClaimWriter;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Entitlement;
import io.bosang.result.PolicyStamp;
import io.bosang.result.Totals;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The claims ledger: every decision recorded on PostgreSQL, so a claim is settled once across requests, service
 * instances and restarts. Settlement is {@link Settlement} itself, over a {@link SettlementState} kept in the
 * database: the batch CLI and the ledger reach the same decisions for the same claims in the same order.
 *
 * <p>Each {@link #record} call is one transaction that first takes the policy's advisory lock
 * ({@code pg_advisory_xact_lock}), so decisions of one policy are serialised in commit order while other policies
 * and every read go on; unique keys and checks in the schema are the last line of defence. Assessment (the
 * Drools evaluation) happens before the lock, on the caller's thread. Thread-safe; one per process.
 */
public final class Ledger implements AutoCloseable {
    /** The first key of the two-key advisory lock: Bosang's ledger ("BOSA"); the second is the policy id's hash. */
    static final int LOCK_CLASS = 0x424f5341;
    private final Jdbi jdbi;
    private final AutoCloseable[] resources;
    private final String where;

    private Ledger(DataSource dataSource, String where, AutoCloseable... resources) {
        this.jdbi = Jdbi.create(dataSource);
        this.where = where;
        this.resources = resources;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Opens the ledger the settings name, starting the embedded server when they name no URL, and migrates its schema. */
    public static Ledger open(LedgerSettings settings) {
        EmbeddedLedgerServer server = null;
        HikariDataSource pool = null;
        try {
            HikariConfig config = new HikariConfig();
            if (settings.embedded()) {
                server = EmbeddedLedgerServer.start(settings.dir());
                config.setJdbcUrl(server.jdbcUrl());
            } else {
                config.setJdbcUrl(settings.url());
                if (settings.user() != null) config.setUsername(settings.user());
                if (settings.password() != null) config.setPassword(settings.password());
            }
            config.setPoolName("bosang-ledger");
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(1);
            // A stopped database fails a request within seconds (503), and the pool reconnects when it returns.
            config.setConnectionTimeout(3_000);
            config.setValidationTimeout(1_000);
            config.setInitializationFailTimeout(30_000);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            // Plan each lookup for the batch's own keys and the table's current size: a plan cached while the
            // ledger was empty would scan it whole once it holds a hundred thousand decisions.
            config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                // A wrong URL, user or password, or a server that is not there: say which, without the password.
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                throw new LedgerUnavailableException("cannot connect to the ledger database (" + settings.describe() + "): " + root.getMessage(), e);
            }
            return new Ledger(pool, settings.describe(), pool, server);
        } catch (RuntimeException e) {
            if (pool != null) pool.close();
            if (server != null) server.close();
            throw e;
        }
    }

    /** A ledger over a data source the caller owns (and closes). */
    public static Ledger over(DataSource dataSource) {
        return new Ledger(dataSource, "a data source");
    }

    /** Where this ledger is, without credentials. */
    public String where() {
        return where;
    }

    // ---------------------------------------------------------------------------------------------- recording

    /** One input record made ready for the ledger: read, canonicalised and assessed, outside any transaction. */
    public static final class Pending {
        final ClaimInput input;
        final String canonical;        // the claim as received, canonical JSON
        final ObjectNode contentNode;  // the same without its id
        final String contentSha;
        final String claimKey;
        final String claimantKey;
        final Assessment assessment;   // before settlement, at record 1

        private Pending(ClaimInput input, String canonical, ObjectNode contentNode, String contentSha, String claimKey,
                        String claimantKey, Assessment assessment) {
            this.input = input;
            this.canonical = canonical;
            this.contentNode = contentNode;
            this.contentSha = contentSha;
            this.claimKey = claimKey;
            this.claimantKey = claimantKey;
            this.assessment = assessment;
        }
    }

    /** Reads and assesses one record for {@link #decide}; thread-safe, so a caller may prepare a batch on several threads. */
    public static Pending prepare(Policy policy, ClaimInput input) {
        return prepare(policy, input, true);
    }

    /** As {@link #prepare(Policy, ClaimInput)}; {@code assess} false leaves the assessment to {@link #decide}, if it needs one. */
    static Pending prepare(Policy policy, ClaimInput input, boolean assess) {
        if (!input.valid()) return new Pending(input, null, null, null, null, null, null);
        Claim c = input.claim();
        ObjectNode node = ClaimWriter.claim(c);
        String canonical = Json.line(node);
        node.remove("id");
        String content = HoldKeys.sha256(Json.line(node));
        return new Pending(input, canonical, node, content, EntitlementKeys.claimId(c),
                Identifiers.normalise(c.claimant().id()), assess ? policy.assess(c, 1) : null);
    }

    /** Records and decides a batch of records in order: {@link #prepare} then {@link #decide}. */
    public List<Recorded> record(Policy policy, List<ClaimInput> inputs) {
        // A claim already recorded will be a replay or a conflict: it needs no assessment. Records are never deleted,
        // so what this read finds stays true; a claim recorded meanwhile is found under the lock and assessed there
        // only if it must be decided.
        Set<String> keys = new LinkedHashSet<>();
        for (ClaimInput in : inputs) if (in.valid()) keys.add(EntitlementKeys.claimId(in.claim()));
        Set<String> recorded = keys.isEmpty() ? Set.of() : guard(() -> jdbi.withHandle(h ->
                new java.util.HashSet<>(h.createQuery("select claim_key from decision where claim_key = any(:keys) and policy_id = :p")
                        .bindArray("keys", String.class, new ArrayList<>(keys)).bind("p", policy.id()).mapTo(String.class).list())));
        List<Pending> pending = new ArrayList<>(inputs.size());
        for (ClaimInput in : inputs) pending.add(prepare(policy, in, !in.valid() || !recorded.contains(EntitlementKeys.claimId(in.claim()))));
        return decide(policy, pending);
    }

    /** Records one claim. */
    public Recorded record(Policy policy, ClaimInput input) {
        return record(policy, List.of(input)).get(0);
    }

    /**
     * Decides prepared records in order in one transaction under the policy's lock: a claim already recorded
     * is a replay (same content) or a conflict (other content); every other valid claim is settled and recorded.
     * All or nothing: if the database fails, nothing of the batch is written.
     */
    public List<Recorded> decide(Policy policy, List<Pending> pending) {
        return guard(() -> jdbi.inTransaction(h -> decide(h, policy, pending)));
    }

    private record Prior(long decision, String claimId, String contentSha, String claimJson, String assessmentJson,
                         PolicyStamp stamp, OffsetDateTime decidedAt) {
    }

    private List<Recorded> decide(Handle h, Policy policy, List<Pending> pending) {
        String policyId = policy.id();
        h.execute("select pg_advisory_xact_lock(?, hashtext(?))", LOCK_CLASS, policyId);
        Set<String> keys = new LinkedHashSet<>();
        for (Pending p : pending) if (p.claimKey != null) keys.add(p.claimKey);
        Map<String, Prior> priors = new HashMap<>();
        if (!keys.isEmpty()) {
            h.createQuery("select claim_key, decision_no, claim_id, content_sha256, claim_json, assessment_json, policy_version, policy_hash, decided_at, policy_id "
                            + "from decision where claim_key = any(:keys)")   // the policy is filtered here: see the unique key's comment
                    .bindArray("keys", String.class, new ArrayList<>(keys))
                    .map((rs, ctx) -> !policyId.equals(rs.getString(10)) ? null : Map.entry(rs.getString(1), new Prior(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), new PolicyStamp(policyId, rs.getString(7), rs.getString(8)),
                            rs.getObject(9, OffsetDateTime.class))))
                    .forEach(e -> {
                        if (e != null) priors.put(e.getKey(), e.getValue());
                    });
        }
        h.execute("insert into ledger_policy (policy_id, next_decision) values (?, 1) on conflict do nothing", policyId);
        long next = h.createQuery("select next_decision from ledger_policy where policy_id = :p").bind("p", policyId).mapTo(Long.class).one();
        long first = next;

        List<Pending> ready = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            boolean needs = p.input.valid() && p.assessment == null && !priors.containsKey(p.claimKey);
            ready.add(needs ? new Pending(p.input, p.canonical, p.contentNode, p.contentSha, p.claimKey, p.claimantKey,
                    policy.assess(p.input.claim(), 1)) : p);
        }
        pending = ready;

        LedgerSettlementState state = new LedgerSettlementState(h, policyId);
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        wanted.put("claim-id", new ArrayList<>());
        wanted.put("content", new ArrayList<>());
        wanted.put("grant", new ArrayList<>());
        for (Pending p : pending) {
            if (p.assessment == null || priors.containsKey(p.claimKey)) continue;
            Claim c = p.input.claim();
            wanted.get("claim-id").add(state.sha("claim-id", EntitlementKeys.claimId(c)));
            wanted.get("content").add(state.sha("content", EntitlementKeys.content(c)));
            for (AwardLine l : p.assessment.lines()) {
                Entitlement e = l.owedPer();
                if (e != null) wanted.get("grant").add(state.sha("grant", e.entitlement(), e.unit().name(), e.key()));
                if (l.quota() != null) state.limit(l.quota().pool(), l.quota().limit());
            }
        }
        state.prefetch(wanted);

        Settlement settlement = new Settlement(state);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<Recorded> out = new ArrayList<>(pending.size());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            int position = i + 1;
            ClaimInput in = p.input;
            if (!in.valid()) {
                out.add(new Recorded(position, Recorded.Status.REJECTED, 0, in.claimId(), policy.stamp(), null,
                        Json.line(Assessment.rejected(position, in.claimId(), policy.stamp(), in.rejection())), List.of()));
                continue;
            }
            Prior prior = priors.get(p.claimKey);
            if (prior == null && !Settlement.settles(in, p.assessment)) {
                out.add(new Recorded(position, Recorded.Status.ERROR, 0, in.claimId(), policy.stamp(), null,
                        Json.line(p.assessment.atRecord(position)), List.of()));
                continue;
            }
            if (prior != null) {
                if (prior.contentSha().equals(p.contentSha)) {
                    out.add(new Recorded(position, Recorded.Status.REPLAY, prior.decision(), in.claimId(), prior.stamp(), prior.decidedAt(),
                            prior.assessmentJson(), List.of()));
                } else {
                    out.add(new Recorded(position, Recorded.Status.CONFLICT, prior.decision(), in.claimId(), prior.stamp(), prior.decidedAt(),
                            null, differingFields(prior.claimJson(), p.contentNode)));
                }
                continue;
            }
            long no = next++;
            Claim c = in.claim();
            state.settling(no);
            Assessment settled = settlement.settle(new ClaimInput(no, c.id(), c, null), p.assessment.atRecord(no));
            String json = Json.line(settled);
            Totals t = settled.totals();
            rows.add(new Object[]{policyId, no, p.claimKey, c.id(), p.claimantKey, p.contentSha, p.canonical, policy.version(),
                    policy.contentHash(), settled.outcome().name(), t.monetaryKrw(), t.nominalInKindKrw(), t.extension().getSeconds(), json, now});
            priors.put(p.claimKey, new Prior(no, c.id(), p.contentSha, p.canonical, json, policy.stamp(), now));
            out.add(new Recorded(position, Recorded.Status.DECIDED, no, c.id(), policy.stamp(), now, json, List.of()));
        }
        if (!rows.isEmpty()) {
            PreparedBatch b = h.prepareBatch("insert into decision (policy_id, decision_no, claim_key, claim_id, claimant_key, content_sha256, "
                    + "claim_json, policy_version, policy_hash, outcome, monetary_krw, nominal_krw, extension_s, assessment_json, decided_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (Object[] r : rows) b.add(r);
            b.execute();
            state.flush();
            int updated = h.createUpdate("update ledger_policy set next_decision = :n where policy_id = :p and next_decision = :first")
                    .bind("n", next).bind("p", policyId).bind("first", first).execute();
            if (updated != 1) throw new IllegalStateException("the decision counter of " + policyId + " moved under the policy lock");
        }
        return out;
    }

    /** The JSON paths (id left out) whose values differ between the recorded claim and this one. */
    static List<String> differingFields(String recordedJson, ObjectNode incoming) {
        if (recordedJson == null) return List.of("$ (the recorded claim was erased; its content differs)");
        JsonNode recorded;
        try {
            recorded = Json.mapper().readTree(recordedJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flatten("", recorded, a);
        flatten("", incoming, b);
        a.remove("id");
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> differ = new ArrayList<>();
        for (String path : paths) if (!java.util.Objects.equals(a.get(path), b.get(path))) differ.add(path);
        return differ;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(prefix + "[" + i + "]", n.get(i), out);
            if (n.isEmpty()) out.put(prefix, "[]");
        } else {
            out.put(prefix, n.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    private static final String DECISION_COLUMNS = "policy_id, decision_no, claim_id, policy_version, policy_hash, outcome, monetary_krw, "
            + "nominal_krw, extension_s, decided_at, erased_at, claim_json, assessment_json";

    private static StoredDecision decisionOf(ResultSet rs) throws SQLException {
        String policyId = rs.getString(1);
        return new StoredDecision(policyId, rs.getLong(2), rs.getString(3), new PolicyStamp(policyId, rs.getString(4), rs.getString(5)),
                rs.getString(6), new Totals(rs.getLong(7), rs.getLong(8), Duration.ofSeconds(rs.getLong(9))),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13));
    }

    /** The decisions of a claim id (normalised, so spelling variants find it), one per policy ledger that holds it. */
    public List<StoredDecision> decisions(String claimId) {
        return guard(() -> jdbi.withHandle(h -> h.createQuery("select " + DECISION_COLUMNS + " from decision where claim_key = :k order by policy_id")
                .bind("k", Identifiers.normalise(claimId)).map((rs, ctx) -> decisionOf(rs)).list()));
    }

    /** The decision of a claim id in one policy's ledger. */
    public Optional<StoredDecision> decision(String policyId, String claimId) {
        return decisions(claimId).stream().filter(d -> d.policyId().equals(policyId)).findFirst();
    }

    /** Every decision of a policy in commit order, streamed (constant memory). */
    public void eachDecision(String policyId, Consumer<StoredDecision> sink) {
        guard(() -> jdbi.inTransaction(h -> {
            try (var it = h.createQuery("select " + DECISION_COLUMNS + " from decision where policy_id = :p order by decision_no")
                    .bind("p", policyId).setFetchSize(500).map((rs, ctx) -> decisionOf(rs)).iterator()) {
                while (it.hasNext()) sink.accept(it.next());
            }
            return null;
        }));
    }

    /** What one claimant's claims were granted, by policy, with the stamp that decided each, and any top-ups paid. */
    public ClaimantEntitlements entitlements(String claimantId) {
        String key = Identifiers.normalise(claimantId);
        return guard(() -> jdbi.withHandle(h -> {
            List<ClaimantEntitlements.Granted> granted = new ArrayList<>();
            h.createQuery("select " + DECISION_COLUMNS + " from decision where claimant_key = :k order by policy_id, decision_no")
                    .bind("k", key).map((rs, ctx) -> decisionOf(rs)).forEach(d -> granted.add(ClaimantEntitlements.Granted.of(d)));
            List<PaymentLine> topUps = h.createQuery("select " + PAYMENT_COLUMNS + " from payment where claimant_key = :k and action = 'TOP_UP' "
                    + "order by reassessment_id, line_no").bind("k", key).map((rs, ctx) -> paymentOf(rs)).list();
            return new ClaimantEntitlements(claimantId, granted, topUps);
        }));
    }

    /** The exposure of one policy's ledger so far. */
    public LedgerSummary summary(String policyId) {
        return guard(() -> jdbi.withHandle(h -> {
            Map<String, Long> outcomes = new TreeMap<>();
            long[] sums = new long[4];
            h.createQuery("select outcome, count(*), coalesce(sum(monetary_krw), 0), coalesce(sum(nominal_krw), 0), coalesce(sum(extension_s), 0) "
                    + "from decision where policy_id = :p group by outcome").bind("p", policyId).map((rs, ctx) -> {
                outcomes.put(rs.getString(1), rs.getLong(2));
                sums[0] += rs.getLong(2);
                sums[1] = Math.addExact(sums[1], rs.getLong(3));
                sums[2] = Math.addExact(sums[2], rs.getLong(4));
                sums[3] = Math.addExact(sums[3], rs.getLong(5));
                return null;
            }).list();
            List<LedgerSummary.PoolDrawn> pools = h.createQuery("select pool, drawn, pool_limit from pool where policy_id = :p order by pool")
                    .bind("p", policyId).map((rs, ctx) -> new LedgerSummary.PoolDrawn(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
            List<LedgerSummary.Version> versions = h.createQuery("select policy_version, policy_hash, count(*) from decision where policy_id = :p "
                            + "group by policy_version, policy_hash order by min(decision_no)")
                    .bind("p", policyId).map((rs, ctx) -> new LedgerSummary.Version(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
            long[] top = h.createQuery("select count(*), coalesce(sum(amount_krw), 0), coalesce(sum(nominal_krw), 0) from payment "
                            + "where policy_id = :p and action = 'TOP_UP'")
                    .bind("p", policyId).map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
            long erased = h.createQuery("select count(*) from decision where policy_id = :p and erased_at is not null").bind("p", policyId)
                    .mapTo(Long.class).one();
            return new LedgerSummary(policyId, sums[0], outcomes, sums[1], sums[2], Duration.ofSeconds(sums[3]), pools, versions,
                    top[0], top[1], top[2], erased);
        }));
    }

    // ---------------------------------------------------------------------------------------------- re-assessment

    static final String PAYMENT_COLUMNS = "action, claimant_id, unit, unit_key, entitlement, kind, amount_krw, nominal_krw, extension_s, rights, rule, reason";

    private static PaymentLine paymentOf(ResultSet rs) throws SQLException {
        long ext = rs.getLong(9);
        return new PaymentLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getLong(8), ext == 0 ? null : Duration.ofSeconds(ext), rs.getLong(10), rs.getString(11), rs.getString(12));
    }

    /**
     * Re-assesses every recorded claim of {@code revised}'s policy id under {@code revised}, settles them in decision
     * order as one sequential run, and compares per claimant and unit (entitlement, unit, key, kind) what is now owed
     * with what was granted (the decisions' lines plus earlier top-ups). Owed beyond granted is a TOP_UP; granted
     * beyond owed is OVER_GRANTED, reported and kept. Recorded under the policy's lock in one transaction, so running
     * it twice pays nothing twice. See {@link Reassessor}.
     *
     * @param reader reads a stored claim back (the incidents its claims refer to)
     */
    public Reassessment reassess(Policy revised, io.bosang.json.ClaimReader reader, java.util.function.LongConsumer progress) {
        return guard(() -> jdbi.inTransaction(h -> {
            h.execute("select pg_advisory_xact_lock(?, hashtext(?))", LOCK_CLASS, revised.id());
            return new Reassessor(h, revised, reader, progress).run();
        }));
    }

    // ---------------------------------------------------------------------------------------------- personal data

    /** Everything the ledger holds about one claimant, as JSON lines: its decisions (with the claims) and its payments. */
    public List<String> export(String claimantId) {
        String key = Identifiers.normalise(claimantId);
        return guard(() -> jdbi.withHandle(h -> {
            List<String> lines = new ArrayList<>();
            h.createQuery("select " + DECISION_COLUMNS + " from decision where claimant_key = :k order by policy_id, decision_no")
                    .bind("k", key).map((rs, ctx) -> decisionOf(rs)).forEach(d -> lines.add(Json.line(Map.of("decision", d))));
            h.createQuery("select " + PAYMENT_COLUMNS + " from payment where claimant_key = :k order by reassessment_id, line_no")
                    .bind("k", key).map((rs, ctx) -> paymentOf(rs)).forEach(p -> lines.add(Json.line(Map.of("payment", p))));
            return lines;
        }));
    }

    /**
     * Erases one claimant's personal data: the claims as received, the assessments (they quote ids and declared
     * amounts), the claimant and unit keys (replaced by a one-way tombstone). What settlement holds stays, as hashes,
     * so a later claim of the same claimant or unit is still told it was granted: nothing is paid twice. Decision
     * numbers, outcomes, totals and policy stamps stay for the audit of the money. An erased claimant's claims are no
     * longer re-assessed (there is nothing to re-assess): a revision pays them no top-up.
     *
     * @return how many decisions were erased
     */
    public long erase(String claimantId) {
        String key = Identifiers.normalise(claimantId);
        String tomb = HoldKeys.tombstone(key);
        return guard(() -> jdbi.inTransaction(h -> {
            long n = h.createUpdate("update decision set claim_json = null, assessment_json = null, claimant_key = :t, erased_at = now() "
                    + "where claimant_key = :k").bind("t", tomb).bind("k", key).execute();
            h.createUpdate("update settlement_hold s set unit_key = null from decision d where d.policy_id = s.policy_id "
                    + "and d.decision_no = s.decision_no and d.claimant_key = :t").bind("t", tomb).execute();
            h.createUpdate("update payment set claimant_id = null, claimant_key = :t, unit_key = 'erased' where claimant_key = :k")
                    .bind("t", tomb).bind("k", key).execute();
            h.createUpdate("insert into erasure (claimant_sha256, decisions, erased_at) values (:t, :n, now())").bind("t", tomb).bind("n", n).execute();
            return n;
        }));
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    /** Runs a database call; a connection that cannot be had or was lost becomes {@link LedgerUnavailableException}. */
    private <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            if (unavailable(e)) {
                boolean busy = busy(e);
                throw new LedgerUnavailableException(busy ? "the ledger database (" + where + ") has no free connection"
                        : "the ledger database (" + where + ") is unavailable", e, busy);
            }
            throw e;
        }
    }

    /** True when the failure is the database being away (SQLState class 08, or an administrator shutting it down). */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Hikari's timeout without a cause: the database is up, every connection was in use (overload, not an outage). */
    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) return t.getCause() == null;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** True when the database answers now. */
    public boolean reachable() {
        try {
            return guard(() -> jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one() == 1));
        } catch (RuntimeException e) {
            return false;
        }
    }

    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            if (r == null) continue;
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the ledger: " + e.getMessage(), e);
            }
        }
    }
}
