package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.engine.ClaimInput;
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
import java.util.Objects;

/**
 * What depends on more than one claim, decided claim by claim in input order after the parallel evaluation, so the
 * result does not depend on thread count. The one statement of these semantics: a batch run, the claims ledger and
 * the Spark job all settle this way (the Spark job decides the same verdicts with distributed group-bys and applies
 * them with {@link #duplicate} and {@link #withVerdicts}, so the text of every finding is the same).
 * <ol>
 *   <li><b>A claim is settled once.</b> A claim whose (normalised) id was seen before, or whose claimant, incident,
 *   service, harm, subscription and business repeat an earlier claim's (a resubmission under a new id), gets no award lines and a {@code DUPLICATE_CLAIM} finding naming
 *   the earlier claim. It still holds its own id and content if no claim did, so a later claim repeating it is a
 *   duplicate too.</li>
 *   <li><b>An entitlement is granted once per its unit.</b> Each line says what it is owed per (subscription,
 *   claimant, account, business or claim) and the key it settles on; the first claim in input order that asks for
 *   an (entitlement, unit, key) gets the line, and every later claim gets, instead, an {@code ALREADY_GRANTED}
 *   finding naming the claim and record that received it — whatever its harm or claim id. An entitlement is the
 *   set of lines its rules give one claim (a termination right with its refund): they are granted together.</li>
 *   <li><b>Limited quantities.</b> A line with a {@link io.bosang.result.Quota} is granted while fewer than its
 *   limit of units drew from the pool, in input order; a unit draws once, when its entitlement is first granted.
 *   A unit asking after the pool ran out gets {@code QUOTA_EXHAUSTED} and holds nothing, so a later claim of the
 *   same unit is told the same.</li>
 * </ol>
 * Lines are settled in the assessment's deterministic line order. Rejected records and rule errors pass unchanged.
 * One instance per run (or per ledger transaction); not thread-safe.
 */
public final class Settlement {
    public static final String RULE = "ENGINE-SETTLE";
    public static final String BASIS = "A claim is settled once, and each entitlement is granted once per its unit (subscription, claimant, account, business or claim).";
    private final SettlementState state;

    /** What settlement decided for one line. */
    public sealed interface Verdict permits Granted, AlreadyGranted, QuotaExhausted {
    }

    /** The line is granted (its entitlement was first asked for by this claim). */
    public record Granted() implements Verdict {
    }

    /** An earlier claim holds the line's entitlement. */
    public record AlreadyGranted(PriorGrant holder) implements Verdict {
        public AlreadyGranted {
            Objects.requireNonNull(holder, "holder");
        }
    }

    /** The line's pool ran out before this claim asked. */
    public record QuotaExhausted() implements Verdict {
    }

    public static final Verdict GRANTED = new Granted();
    public static final Verdict EXHAUSTED = new QuotaExhausted();

    /** A run's settlement, remembering its claims in memory. */
    public Settlement() {
        this(new InMemorySettlementState());
    }

    public Settlement(SettlementState state) {
        this.state = state;
    }

    /** True when settlement has anything to decide for this record (a readable claim that the policy assessed). */
    public static boolean settles(ClaimInput input, Assessment a) {
        return input.valid() && a.outcome() != Outcome.REJECTED && a.outcome() != Outcome.ERROR;
    }

    public Assessment settle(ClaimInput input, Assessment a) {
        if (!settles(input, a)) return a;
        Claim c = input.claim();
        PriorGrant me = new PriorGrant(input.record(), c.id());
        String id = EntitlementKeys.claimId(c);
        String content = EntitlementKeys.content(c);
        PriorGrant byId = state.holder("claim-id", id);
        PriorGrant byContent = state.holder("content", content);
        if (byId == null) state.hold(me, "claim-id", id);
        if (byContent == null) state.hold(me, "content", content);
        if (byId != null) return duplicate(input.record(), a, byId, true);
        if (byContent != null) return duplicate(input.record(), a, byContent, false);
        List<Verdict> verdicts = new ArrayList<>(a.lines().size());
        for (AwardLine l : a.lines()) {
            Entitlement e = owedPer(l);
            String unit = e.unit().name();
            PriorGrant holder = state.holder("grant", e.entitlement(), unit, e.key());
            if (holder != null && holder.record() == me.record()) {
                verdicts.add(GRANTED);   // another line of an entitlement this claim was just granted: it goes with it
            } else if (holder != null) {
                verdicts.add(new AlreadyGranted(holder));
            } else if (l.quota() != null && state.drawn(l.quota().pool()) >= l.quota().limit()) {
                verdicts.add(EXHAUSTED);
            } else {
                if (l.quota() != null) state.draw(l.quota().pool());
                state.hold(me, "grant", e.entitlement(), unit, e.key());
                verdicts.add(GRANTED);
            }
        }
        return withVerdicts(a, verdicts);
    }

    /** The assessment of a duplicate: no lines, and a finding naming the earlier claim ({@code byId}: the same id, else the same content). */
    public static Assessment duplicate(long record, Assessment a, PriorGrant first, boolean byId) {
        String why = byId ? "the same claim id" : "the same claimant, incident, service, harm, subscription and business";
        Finding dup = new Finding(RULE, BASIS, FindingKind.NOT_ELIGIBLE, "DUPLICATE_CLAIM",
                "Record " + record + " repeats " + why + " as claim " + first.claimId() + " (record " + first.record()
                        + "), which is the one assessed; nothing is paid twice.", List.of(), null, first);
        List<Finding> findings = new ArrayList<>(a.findings());
        findings.add(dup);
        return a.withLinesAndFindings(List.of(), findings);
    }

    /**
     * The assessment with one verdict per line (in {@code a.lines()} order) applied: granted lines stay, the others
     * become findings that say why. Returns {@code a} itself when every line is granted, so a rendering made before
     * settlement still holds.
     */
    public static Assessment withVerdicts(Assessment a, List<Verdict> verdicts) {
        if (verdicts.size() != a.lines().size()) throw new IllegalArgumentException(verdicts.size() + " verdicts for " + a.lines().size() + " lines");
        if (verdicts.stream().allMatch(v -> v instanceof Granted)) return a;
        List<AwardLine> kept = new ArrayList<>(a.lines().size());
        List<Finding> findings = new ArrayList<>(a.findings());
        for (int i = 0; i < verdicts.size(); i++) {
            AwardLine l = a.lines().get(i);
            Entitlement e = owedPer(l);
            Verdict v = verdicts.get(i);
            if (v instanceof Granted) {
                kept.add(l);
            } else if (v instanceof AlreadyGranted g) {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), l.citations(), FindingKind.NOT_ELIGIBLE, "ALREADY_GRANTED",
                        "'" + l.description() + "' is owed once " + e.unit().words(false) + " (" + e.key() + "); claim "
                                + g.holder().claimId() + " (record " + g.holder().record() + ") already received it.",
                        l.parameters(), e, g.holder()));
            } else {
                findings.add(new Finding(l.ruleId(), l.legalBasis(), l.citations(), FindingKind.NOT_ELIGIBLE, "QUOTA_EXHAUSTED",
                        "'" + l.description() + "' was limited to the first " + String.format(Locale.ROOT, "%,d", l.quota().limit())
                                + " in claim order (pool " + l.quota().pool() + ", once " + e.unit().words(false) + "); this claim came later.",
                        l.parameters(), e, null));
            }
        }
        return a.withLinesAndFindings(kept, findings);
    }

    private static Entitlement owedPer(AwardLine l) {
        if (l.owedPer() == null) throw new IllegalStateException("line of " + l.ruleId() + " says nothing of what it is owed per");
        return l.owedPer();
    }

    /** How many units drew from each pool so far. */
    public Map<String, Long> granted() {
        return state.pools();
    }
}
