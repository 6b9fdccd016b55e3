package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.json.ClaimInput;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Entitlement;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.Outcome;
import io.bosang.result.PriorGrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What depends on more than one claim, decided claim by claim in input order after the parallel evaluation, so the
 * result does not depend on thread count. The one statement of these semantics: a batch run, the claims ledger and
 * the Spark job all settle this way.
 * <ol>
 *   <li><b>A claim is settled once.</b> A claim whose (normalised) id was seen before, or whose claimant, incident,
 *   service and harm repeat an earlier claim's, gets no award lines and a {@code DUPLICATE_CLAIM} finding naming
 *   the earlier claim.</li>
 *   <li><b>An entitlement is granted once per its unit.</b> Each line says what it is owed per (subscription,
 *   claimant, account, business or claim) and the key it settles on; the first claim in input order that asks for
 *   an (entitlement, unit, key) gets the line, and every later claim gets, instead, an {@code ALREADY_GRANTED}
 *   finding naming the claim and record that received it — whatever its harm or claim id.</li>
 *   <li><b>Limited quantities.</b> A line with a {@link io.bosang.result.Quota} is granted while fewer than its
 *   limit of units drew from the pool, in input order; a unit draws once, when its entitlement is first granted.
 *   Later ones get a {@code QUOTA_EXHAUSTED} finding.</li>
 * </ol>
 * An entitlement is the set of lines its rules give one claim (a termination right with its refund): they are granted
 * or refused together. Lines are settled in the assessment's deterministic line order. Rejected records and rule
 * errors pass unchanged.
 * One instance per run (or per ledger transaction); not thread-safe.
 */
public final class Settlement {
    public static final String RULE = "ENGINE-SETTLE";
    private static final String BASIS = "A claim is settled once, and each entitlement is granted once per its unit (subscription, claimant, account, business or claim).";
    private final SettlementState state;

    /** A run's settlement, remembering its claims in memory. */
    public Settlement() {
        this(new InMemorySettlementState());
    }

    public Settlement(SettlementState state) {
        this.state = state;
    }

    public Assessment settle(ClaimInput input, Assessment a) {
        if (!input.valid() || a.outcome() == Outcome.REJECTED || a.outcome() == Outcome.ERROR) return a;
        Claim c = input.claim();
        PriorGrant me = new PriorGrant(input.record(), c.id());
        String id = EntitlementKeys.claimId(c);
        String content = EntitlementKeys.content(c);
        PriorGrant byId = state.holder("claim-id", id);
        PriorGrant byContent = state.holder("content", content);
        if (byId == null) state.hold(me, "claim-id", id);
        if (byContent == null) state.hold(me, "content", content);
        PriorGrant first = byId != null ? byId : byContent;
        if (first != null) {
            String why = byId != null ? "the same claim id" : "the same claimant, incident, service and harm";
            Finding dup = new Finding(RULE, BASIS, FindingKind.NOT_ELIGIBLE, "DUPLICATE_CLAIM",
                    "Record " + input.record() + " repeats " + why + " as claim " + first.claimId() + " (record " + first.record()
                            + "), which is the one assessed; nothing is paid twice.", List.of(), null, first);
            List<Finding> findings = new ArrayList<>(a.findings());
            findings.add(dup);
            return a.withLinesAndFindings(List.of(), findings);
        }
        List<AwardLine> kept = new ArrayList<>(a.lines().size());
        List<Finding> findings = new ArrayList<>(a.findings());
        for (AwardLine l : a.lines()) {
            Entitlement e = l.owedPer();
            if (e == null) throw new IllegalStateException("line of " + l.ruleId() + " says nothing of what it is owed per");
            String unit = e.unit().name();
            PriorGrant holder = state.holder("grant", e.entitlement(), unit, e.key());
            if (holder != null && holder.record() == me.record()) {
                kept.add(l);   // another line of an entitlement this claim was just granted: it goes with it
            } else if (holder != null) {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), FindingKind.NOT_ELIGIBLE, "ALREADY_GRANTED",
                        "'" + l.description() + "' is owed once " + e.unit().words(false) + " (" + e.key() + "); claim "
                                + holder.claimId() + " (record " + holder.record() + ") already received it.",
                        l.parameters(), e, holder));
            } else if (l.quota() != null && state.drawn(l.quota().pool()) >= l.quota().limit()) {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), FindingKind.NOT_ELIGIBLE, "QUOTA_EXHAUSTED",
                        "'" + l.description() + "' was limited to the first " + String.format(Locale.ROOT, "%,d", l.quota().limit())
                                + " in claim order (pool " + l.quota().pool() + ", once " + e.unit().words(false) + "); this claim came later.",
                        l.parameters(), e, null));
            } else {
                if (l.quota() != null) state.draw(l.quota().pool());
                state.hold(me, "grant", e.entitlement(), unit, e.key());
                kept.add(l);
            }
        }
        // Unchanged when every line was granted: the same instance, so a rendering made before settlement holds.
        return kept.size() == a.lines().size() ? a : a.withLinesAndFindings(kept, findings);
    }

    /** How many units drew from each pool so far. */
    public Map<String, Long> granted() {
        return state.pools();
    }
}
