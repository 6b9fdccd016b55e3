package io.bosang.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.domain.Identifiers;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.Settlement;
import io.bosang.engine.SettlementState;
import io.bosang.json.ClaimReader;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import io.bosang.result.AwardKind;
import io.bosang.result.AwardLine;
import io.bosang.result.PriorGrant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * One re-assessment, inside the transaction that holds the policy's lock. Every recorded claim is assessed under the
 * revised version and settled by {@link Settlement} in decision order, as one sequential run would settle it; then,
 * per (unit, unit key, entitlement, kind), what the revision owes is compared with what was granted: the lines of
 * the stored decisions plus the TOP_UP lines of earlier re-assessments. An entitlement keeps its identity across
 * versions by its name (the rule id unless the rule declares {@code @entitlement}): renaming one in a revision shows
 * as a new entitlement owed and the old one over-granted.
 *
 * <p>Erased claims are not re-assessed; what they hold stays held (their hold rows and pool draws seed the run's
 * settlement), so no other claim is granted their unit.
 */
final class Reassessor {
    private final Handle h;
    private final Policy revised;
    private final ClaimReader reader;
    private final LongConsumer progress;

    Reassessor(Handle h, Policy revised, ClaimReader reader, LongConsumer progress) {
        this.h = h;
        this.revised = revised;
        this.reader = reader;
        this.progress = progress;
    }

    /** The unit a payment line is about. */
    private record Unit(String unit, String unitKey, String entitlement, String kind) implements Comparable<Unit> {
        @Override
        public int compareTo(Unit o) {
            int c = unitKey.compareTo(o.unitKey);
            if (c == 0) c = unit.compareTo(o.unit);
            if (c == 0) c = entitlement.compareTo(o.entitlement);
            return c == 0 ? kind.compareTo(o.kind) : c;
        }
    }

    /** Money, nominal value, extension seconds and rights of one side (owed or granted). */
    private static final class Amounts {
        long money;
        long nominal;
        long extension;
        long rights;
        final TreeSet<String> rules = new TreeSet<>();
        String claimant;

        void add(AwardKind kind, long amountKrw, long nominalKrw, long extensionS, String rule) {
            if (kind.monetary()) money = Math.addExact(money, amountKrw);
            nominal = Math.addExact(nominal, nominalKrw);
            extension = Math.addExact(extension, extensionS);
            if (kind == AwardKind.TERMINATION_RIGHT) rights++;
            if (rule != null && !rule.isEmpty()) rules.add(rule);
        }
    }

    private static final class Group {
        final Amounts owed = new Amounts();
        final Amounts granted = new Amounts();
    }

    /** Settlement memory of the run, keyed as the ledger keys holds (SHA-256 of the parts), seeded with erased holds. */
    private static final class RunState implements SettlementState {
        final Map<String, PriorGrant> held = new HashMap<>();
        final Map<String, Long> pools = new TreeMap<>();
        final String policyId;

        RunState(String policyId) {
            this.policyId = policyId;
        }

        private String sha(String kind, String... parts) {
            String[] all = new String[parts.length + 2];
            all[0] = policyId;
            all[1] = kind;
            System.arraycopy(parts, 0, all, 2, parts.length);
            return HoldKeys.sha256(all);
        }

        @Override
        public PriorGrant holder(String kind, String... parts) {
            return held.get(sha(kind, parts));
        }

        @Override
        public void hold(PriorGrant holder, String kind, String... parts) {
            held.put(sha(kind, parts), holder);
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
    }

    Reassessment run() {
        String policyId = revised.id();
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        RunState state = new RunState(policyId);
        h.createQuery("select s.key_sha256, s.decision_no, s.claim_id from settlement_hold s join decision d "
                        + "on d.policy_id = s.policy_id and d.decision_no = s.decision_no where s.policy_id = :p and d.erased_at is not null")
                .bind("p", policyId).map((rs, ctx) -> {
                    state.held.put(rs.getString(1), new PriorGrant(rs.getLong(2), rs.getString(3)));
                    return null;
                }).list();
        h.createQuery("select pd.pool, count(*) from pool_draw pd join decision d on d.policy_id = pd.policy_id and d.decision_no = pd.decision_no "
                        + "where pd.policy_id = :p and d.erased_at is not null group by pd.pool")
                .bind("p", policyId).map((rs, ctx) -> state.pools.put(rs.getString(1), rs.getLong(2))).list();

        Settlement settlement = new Settlement(state);
        Map<Unit, Group> groups = new TreeMap<>();
        long[] counts = new long[3];   // re-assessed, erased, unreadable
        List<String> problems = new ArrayList<>();
        try (var it = h.createQuery("select decision_no, claim_json, assessment_json, erased_at from decision where policy_id = :p order by decision_no")
                .bind("p", policyId).setFetchSize(500)
                .map((rs, ctx) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)}).iterator()) {
            while (it.hasNext()) {
                Object[] row = it.next();
                long no = (Long) row[0];
                if (row[3] != null) {
                    counts[1]++;
                    continue;
                }
                JsonNode claimNode;
                JsonNode assessment;
                try {
                    claimNode = Json.mapper().readTree((String) row[1]);
                    assessment = Json.mapper().readTree((String) row[2]);
                } catch (IOException e) {
                    throw new IllegalStateException("decision " + no + " of " + policyId + " holds unreadable JSON", e);
                }
                ClaimInput in = reader.read(no, claimNode);
                String claimant = claimNode.path("claimant").path("id").asText();
                for (JsonNode l : assessment.path("lines")) {
                    JsonNode per = l.path("owedPer");
                    if (per.isMissingNode()) continue;
                    AwardKind kind = AwardKind.valueOf(l.get("kind").asText());
                    Group g = groups.computeIfAbsent(new Unit(per.get("unit").asText(), per.get("key").asText(), per.get("entitlement").asText(), kind.name()),
                            k -> new Group());
                    long ext = l.hasNonNull("extension") ? Duration.parse(l.get("extension").asText()).getSeconds() : 0;
                    g.granted.add(kind, l.path("amountKrw").asLong(), l.path("nominalValueKrw").asLong(), ext, l.path("ruleId").asText());
                    if (g.granted.claimant == null) g.granted.claimant = claimant;
                }
                if (!in.valid()) {
                    counts[2]++;
                    if (problems.size() < 100) problems.add("decision " + no + ": " + in.rejection().field() + ": " + in.rejection().reason());
                    continue;
                }
                Assessment settled = settlement.settle(in, revised.assess(in.claim(), no));
                if (!Settlement.settles(in, settled)) {
                    counts[2]++;
                    if (problems.size() < 100) problems.add("decision " + no + ": " + settled.rejection().reason());
                    continue;
                }
                for (AwardLine l : settled.lines()) {
                    if (l.owedPer() == null) continue;
                    Group g = groups.computeIfAbsent(new Unit(l.owedPer().unit().name(), l.owedPer().key(), l.owedPer().entitlement(), l.kind().name()),
                            k -> new Group());
                    g.owed.add(l.kind(), l.amountKrw(), l.nominalValueKrw(), l.extension() == null ? 0 : l.extension().getSeconds(), l.ruleId());
                    if (g.owed.claimant == null) g.owed.claimant = in.claim().claimant().id();
                }
                counts[0]++;
                if (counts[0] % 1000 == 0) progress.accept(counts[0]);
            }
        }
        // Earlier top-ups count as granted: that is what makes a second run pay nothing twice.
        h.createQuery("select unit, unit_key, entitlement, kind, sum(amount_krw), sum(nominal_krw), sum(extension_s), sum(rights), min(claimant_id) "
                        + "from payment where policy_id = :p and action = 'TOP_UP' group by unit, unit_key, entitlement, kind")
                .bind("p", policyId).map((rs, ctx) -> {
                    Group g = groups.get(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    if (g == null) return null;   // an erased claimant's unit: not re-assessed
                    g.granted.money = Math.addExact(g.granted.money, rs.getLong(5));
                    g.granted.nominal = Math.addExact(g.granted.nominal, rs.getLong(6));
                    g.granted.extension = Math.addExact(g.granted.extension, rs.getLong(7));
                    g.granted.rights += rs.getLong(8);
                    return null;
                }).list();

        List<PaymentLine> lines = new ArrayList<>();
        long topUps = 0;
        long over = 0;
        long topUpKrw = 0;
        long topUpNominal = 0;
        String version = revised.id() + " " + revised.version();
        for (Map.Entry<Unit, Group> e : groups.entrySet()) {
            Unit u = e.getKey();
            Group g = e.getValue();
            long dm = g.owed.money - g.granted.money;
            long dn = g.owed.nominal - g.granted.nominal;
            long de = g.owed.extension - g.granted.extension;
            long dr = g.owed.rights - g.granted.rights;
            String claimant = g.owed.claimant != null ? g.owed.claimant : g.granted.claimant;
            String owedText = words(g.owed);
            String grantedText = words(g.granted);
            if (dm > 0 || dn > 0 || de > 0 || dr > 0) {
                PaymentLine l = new PaymentLine(PaymentLine.TOP_UP, claimant, u.unit(), u.unitKey(), u.entitlement(), u.kind(),
                        Math.max(0, dm), Math.max(0, dn), de > 0 ? Duration.ofSeconds(de) : null, Math.max(0, dr), String.join("+", g.owed.rules),
                        version + " owes " + owedText + "; granted so far " + grantedText + "; the difference is paid");
                lines.add(l);
                topUps++;
                topUpKrw = Math.addExact(topUpKrw, l.amountKrw());
                topUpNominal = Math.addExact(topUpNominal, l.nominalKrw());
            }
            if (dm < 0 || dn < 0 || de < 0 || dr < 0) {
                lines.add(new PaymentLine(PaymentLine.OVER_GRANTED, claimant, u.unit(), u.unitKey(), u.entitlement(), u.kind(),
                        Math.max(0, -dm), Math.max(0, -dn), de < 0 ? Duration.ofSeconds(-de) : null, Math.max(0, -dr),
                        String.join("+", g.granted.rules),
                        "granted " + grantedText + "; " + version + " owes " + owedText + "; the excess is kept by the claimant (never clawed back)"));
                over++;
            }
        }

        long id = h.createUpdate("insert into reassessment (policy_id, policy_version, policy_hash, claims, top_ups, over_granted, top_up_krw, started_at) "
                        + "values (:p, :v, :hash, :c, :t, :o, :k, :s)")
                .bind("p", policyId).bind("v", revised.version()).bind("hash", revised.contentHash()).bind("c", counts[0]).bind("t", topUps)
                .bind("o", over).bind("k", topUpKrw).bind("s", started)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (!lines.isEmpty()) {
            PreparedBatch b = h.prepareBatch("insert into payment (reassessment_id, line_no, policy_id, action, claimant_key, claimant_id, unit, unit_key, "
                    + "entitlement, kind, amount_krw, nominal_krw, extension_s, rights, rule, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            long n = 0;
            for (PaymentLine l : lines) {
                b.add(id, ++n, policyId, l.action(), Identifiers.normalise(l.claimant()), l.claimant(), l.unit(), l.unitKey(), l.entitlement(),
                        l.kind(), l.amountKrw(), l.nominalKrw(), l.extension() == null ? 0 : l.extension().getSeconds(), l.rights(), l.rule(), l.reason());
            }
            b.execute();
        }
        progress.accept(counts[0]);
        return new Reassessment(id, revised.stamp(), counts[0], counts[1], counts[2], topUps, over, topUpKrw, topUpNominal, problems, lines);
    }

    private static String words(Amounts a) {
        List<String> parts = new ArrayList<>();
        if (a.money > 0) parts.add(String.format(Locale.ROOT, "%,d KRW", a.money));
        if (a.nominal > 0) parts.add(String.format(Locale.ROOT, "%,d KRW nominal in kind", a.nominal));
        if (a.extension > 0) parts.add(Duration.ofSeconds(a.extension).toString().substring(2).toLowerCase(Locale.ROOT) + " extension");
        if (a.rights > 0) parts.add(a.rights + (a.rights == 1 ? " right" : " rights"));
        if (parts.isEmpty()) return "nothing";
        String text = String.join(", ", parts);
        return a.rules.isEmpty() ? text : text + " (" + String.join(", ", a.rules) + ")";
    }
}
