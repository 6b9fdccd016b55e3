package io.bosang.bench;

import io.bosang.domain.Claim;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Subscription;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyManifest;
import io.bosang.engine.RuleInfo;
import io.bosang.params.ParameterSet;
import io.bosang.params.ParameterValue;
import io.bosang.params.Params;
import io.bosang.result.Assessment;
import io.bosang.engine.EntitlementKeys;
import io.bosang.result.AwardLine;
import io.bosang.result.Entitlement;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.PolicyStamp;
import io.bosang.rules.Computed;
import io.bosang.rules.Hours;
import io.bosang.rules.Krw;
import io.bosang.rules.Periods;
import io.bosang.rules.PolicyCalendar;
import io.bosang.rules.ServiceOutage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code content-user-protection} policy written by hand in plain Java, as the reference limit for the Drools
 * path: the same award lines, derivations, parameters, findings, rule ids and legal bases as the shipped DRL
 * ({@code scope.drl}, {@code extension.drl}, {@code termination.drl}), proven equal as JSON by
 * {@code HandWrittenMatchesDroolsTest}. It reads the same dated parameters from the policy's {@link ParameterSet}
 * (so a what-if copy of the policy gives a what-if hand-written copy) and uses the same helpers ({@link Hours},
 * {@link Krw}, {@link Periods}, {@link ServiceOutage}); only the rule engine is replaced by if-statements.
 *
 * <p>What a hand-written version costs the project is not measured here: every rule's law, id and basis is
 * duplicated below, and an analyst's DRL edit would need a programmer to change this file.
 */
public final class HandWrittenContentUserProtection {
    static final String SCOPE_01 = "CUPG-SCOPE-01";
    static final String SCOPE_02 = "CUPG-SCOPE-02";
    static final String SCOPE_03 = "CUPG-SCOPE-03";
    static final String SCOPE_04 = "CUPG-SCOPE-04";
    static final String CLS_02 = "CUPG-CLS-02";
    static final String CLS_04 = "CUPG-CLS-04";
    static final String EXT_01 = "CUPG-EXT-01";
    static final String EXT_02 = "CUPG-EXT-02";
    static final String EXT_03 = "CUPG-EXT-03";
    static final String EXT_04 = "CUPG-EXT-04";
    static final String EXT_05 = "CUPG-EXT-05";
    static final String TERM_01 = "CUPG-TERM-01";

    private static final String EXTENSION = "Free extension of the paid period";

    private final PolicyStamp stamp;
    private final PolicyManifest manifest;
    private final ParameterSet parameters;
    private final String policyId;
    private final Policy policy;
    private final Map<LocalDate, Resolved> byDate = new ConcurrentHashMap<>();
    private final Map<String, RuleInfo> rules = new java.util.HashMap<>();
    /** The parameters in force for the claim being assessed (for the values a rule's conditions compare). */
    private final ThreadLocal<Params> current = new ThreadLocal<>();

    /** Uses {@code policy} only for its manifest, stamp and parameters; its compiled rules are never called. */
    public HandWrittenContentUserProtection(Policy policy) {
        if (!policy.id().equals("content-user-protection")) {
            throw new IllegalArgumentException("hand-written for content-user-protection, not " + policy.id());
        }
        this.stamp = policy.stamp();
        this.manifest = policy.manifest();
        this.policy = policy;
        this.parameters = policy.parameters();
        this.policyId = policy.id();
        for (RuleInfo r : policy.rules()) rules.put(r.ruleId(), r);
    }

    public PolicyStamp stamp() {
        return stamp;
    }

    /** The parameters in force on a date, read once per date (the engine caches {@link Params} per date too). */
    private record Resolved(ParameterValue lead, Duration leadHours,
                            ParameterValue noNotice, BigDecimal noNoticeFactor, ParameterValue excused, BigDecimal excusedFactor,
                            ParameterValue threshold, Duration thresholdHours, ParameterValue excessMultiplier, BigDecimal excessFactor,
                            ParameterValue termination, Duration terminationHours, ParameterValue roundingUnit, long roundingKrw) {
        static Resolved of(Params p) {
            ParameterValue lead = p.get("prior_notice_lead_hours");
            ParameterValue nn = p.get("no_notice_multiplier");
            ParameterValue ex = p.get("excused_multiplier");
            ParameterValue th = p.get("notice_threshold_hours");
            ParameterValue em = p.get("notice_excess_multiplier");
            ParameterValue tm = p.get("termination_monthly_hours");
            ParameterValue ru = p.get("refund_rounding_unit_krw");
            return new Resolved(lead, lead.hours(), nn, nn.decimal(), ex, ex.decimal(), th, th.hours(),
                    em, em.decimal(), tm, tm.hours(), ru, ru.krw());
        }
    }

    /** Assesses one claim as record 1. */
    public Assessment assess(Claim claim) {
        return assess(claim, 1);
    }

    /** As {@link Policy#assess(Claim, long)}: never throws for a claim. */
    public Assessment assess(Claim claim, long record) {
        try {
            LocalDate date = policy.incidentDate(claim.incident());
            if (!inEffect(date)) {
                Finding f = new Finding(Policy.ENGINE_RULE, effectText(), FindingKind.NOT_ELIGIBLE, "OUTSIDE_EFFECTIVE_DATES",
                        "The incident of " + date + " is outside this policy's effective dates (" + effectText() + ").", List.of());
                return Assessment.of(record, claim.id(), stamp, List.of(), List.of(f));
            }
            Resolved p = byDate.computeIfAbsent(date, d -> Resolved.of(parameters.on(d)));
            current.set(parameters.on(date));
            PolicyCalendar cal = policy.calendar();
            ServiceOutage o = ServiceOutage.of(claim.incident(), claim.service().id(), cal,
                    EnumSet.copyOf(manifest.countedSeverities()));
            List<AwardLine> lines = new ArrayList<>(2);
            List<Finding> findings = new ArrayList<>(2);
            evaluate(claim, p, o, cal, lines, findings);
            if (lines.isEmpty() && findings.isEmpty()) {
                findings.add(new Finding(Policy.ENGINE_RULE, "", FindingKind.NOT_ELIGIBLE, "NO_RULE_APPLIES",
                        "No rule of " + policyId + " applies to this claim.", List.of()));
            }
            return Assessment.of(record, claim.id(), stamp, lines, findings);
        } catch (RuntimeException e) {
            return Assessment.error(record, claim.id(), stamp, "policy " + policyId + " failed on this claim: " + rootMessage(e));
        }
    }

    private void evaluate(Claim claim, Resolved p, ServiceOutage o, PolicyCalendar cal, List<AwardLine> lines,
                                 List<Finding> findings) {
        Incident incident = claim.incident();
        Subscription sub = claim.subscription();
        boolean paid = claim.service().payment() != PaymentModel.FREE;

        // ---- scope.drl: classification ----
        if (!paid) {
            finding(findings, Finding.notEligible("FREE_SERVICE",
                    "The service is free: the guideline gives no compensation for free services unless a law provides otherwise."), SCOPE_01);
            return; // every other rule needs a paid service, a Stoppage (paid only) or PriorNoticeGiven with a Stoppage
        }
        if (sub == null) {
            finding(findings, Finding.notEligible("NO_PAID_PLAN",
                    "The claim names no paid plan for this service: the extension and refund apply to a paid plan in force during the stoppage."), SCOPE_02);
        }
        if (o.totalMinutes() == 0 && o.uncountedMinutes() == 0) {
            finding(findings, Finding.notEligible("NOT_DISRUPTED", "The incident did not disrupt this service."), SCOPE_04);
            return;
        }
        if (sub == null) return;
        if (o.totalMinutes() == 0) {
            finding(findings, Finding.notEligible("ONLY_PARTIAL_STOPPAGE",
                            "The service was only partly degraded, never stopped (" + o.describe() + "): this policy counts "
                                    + o.measure() + " only (counted-severities in policy.yaml)."), CLS_02);
            return; // no Stoppage: no other rule fires
        }
        if (!sub.activeAt(o.start())) {
            finding(findings, Finding.notEligible("PLAN_NOT_ACTIVE",
                    "The paid plan was not in force when the service stopped (" + cal.format(o.start()) + ")."), SCOPE_03);
            return;
        }
        // CUPG-CLS-01: the stoppage as the engine measured it (counted severities, windows merged, policy-zone days)
        long countedMinutes = o.totalMinutes();
        Duration counted = o.total();
        Duration monthly = o.maxMonth();
        String measure = o.measure();
        String windows = o.describe();
        // CUPG-CLS-03 / CLS-04: prior notice
        boolean priorNotice = incident.noticedAtLeast(p.leadHours);
        if (incident.hasPriorNotice() && !priorNotice) {
            finding(findings, Finding.note("NOTICE_TOO_LATE",
                            "Users were notified at " + cal.format(incident.priorNotice().givenAt()) + ", less than " + Hours.format(p.leadHours)
                                    + " before the stoppage: the clause for stoppage without prior notice applies."), CLS_04, p.lead);
        }

        // ---- extension.drl: entitlement ----
        FaultPosition fault = incident.fault();
        if (!priorNotice) {
            if (countedMinutes != 0) {
                if (fault.operatorAttributable()) {
                    Duration ext = Hours.times(counted, p.noNoticeFactor);
                    line(lines, findings, AwardLine.extension(ext, EXTENSION)
                            .because(Hours.format(counted) + " of " + measure + " × " + Krw.factor(p.noNoticeFactor) + " = " + Hours.format(ext)
                                    + " (" + windows + ")"), EXT_01, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim), p.noNotice);
                } else if (fault.excused()) {
                    Duration ext = Hours.times(counted, p.excusedFactor);
                    line(lines, findings, AwardLine.extension(ext, EXTENSION)
                            .because(Hours.format(counted) + " of " + measure + " × " + Krw.factor(p.excusedFactor) + " = " + Hours.format(ext)
                                    + " (" + fault + "; " + windows + ")"), EXT_02, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim), p.excused);
                    finding(findings, Finding.note("NO_TERMINATION_RIGHT",
                                    "The stoppage came from " + fault + ": the clause gives no right to terminate, only the extension."), EXT_02, p.excused);
                } else if (fault == FaultPosition.NONE) {
                    finding(findings, Finding.notEligible("NOT_ATTRIBUTABLE",
                                    "The stoppage is attributed to nobody (fault NONE): the clause covers stoppage attributable to the operator, force majeure or a third party."), EXT_03);
                }
            }
            // ---- termination.drl ----
            if (fault.operatorAttributable() && monthly.compareTo(p.terminationHours) > 0) {
                long days = Periods.remainingDays(sub, o.end(), cal);
                int base = cal.daysInMonthOf(o.end());
                Computed refund = Krw.prorate(sub.monthlyFeeKrw(), days, base, p.roundingKrw, "DOWN");
                line(lines, findings, AwardLine.terminationRight("Right to terminate the contract")
                        .because(Hours.format(monthly) + " of " + measure + " in one month > " + Hours.format(p.terminationHours)
                                + " (" + windows + ")"), TERM_01, owed(EntitlementUnit.SUBSCRIPTION, TERM_01, claim), p.termination, p.roundingUnit);
                line(lines, findings, AwardLine.refund(refund.value(), "Refund of the remaining paid period if the user terminates")
                        .because(refund.derivation() + " (monthly fee × " + days + " remaining days after " + cal.dateOf(o.end())
                                + " / " + base + " days in the month)"), TERM_01, owed(EntitlementUnit.SUBSCRIPTION, TERM_01, claim), p.termination, p.roundingUnit);
                finding(findings, Finding.note("DAMAGES_UNLESS_NO_FAULT",
                                "Damages are owed on top unless the operator proves it was not at fault; Bosang does not estimate them here (see civil-damages-estimate)."), TERM_01, p.termination, p.roundingUnit);
                finding(findings, Finding.note("ALTERNATIVE_REMEDIES",
                                "The extension and the termination refund are alternatives: a user who terminates takes the refund instead of the extension."), TERM_01, p.termination, p.roundingUnit);
            }
        } else {
            if (countedMinutes != 0 && monthly.compareTo(p.thresholdHours) <= 0) {
                line(lines, findings, AwardLine.extension(counted, EXTENSION)
                        .because(Hours.format(monthly) + " in the month ≤ " + Hours.format(p.thresholdHours)
                                + ": extension equal to the " + Hours.format(counted) + " of " + measure + " (" + windows + ")"), EXT_04, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim), p.threshold);
            }
            if (monthly.compareTo(p.thresholdHours) > 0) {
                Duration t = p.thresholdHours;
                Duration excess = Hours.excess(monthly, t);
                Duration ext = t.plus(Hours.times(excess, p.excessFactor));
                line(lines, findings, AwardLine.extension(ext, EXTENSION)
                        .because(Hours.format(t) + " + " + Krw.factor(p.excessFactor) + " × (" + Hours.format(monthly) + " − "
                                + Hours.format(t) + ") = " + Hours.format(ext) + " (" + measure + "; " + windows + ")"), EXT_05, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim), p.threshold, p.excessMultiplier);
            }
        }
    }

    /**
     * A rule's line as the engine stamps it: the rule's id, legal basis and citations from the policy's catalogue (the
     * DRL's metadata, not its evaluation), the values its firing read and those its conditions compare, and a finding
     * for each assumed value it rests on.
     */
    private void line(List<AwardLine> lines, List<Finding> findings, AwardLine l, String ruleId, Entitlement owed, ParameterValue... read) {
        RuleInfo info = rules.get(ruleId);
        AwardLine stamped = l.attributedTo(ruleId, info.legalBasis(), info.citations(), owed).withParameters(cited(info, read));
        lines.add(stamped);
        for (ParameterValue v : stamped.parameters()) {
            if (!v.assumed()) continue;
            Finding f = new Finding(ruleId, info.legalBasis(), info.citations(), FindingKind.ASSUMPTION, "ASSUMED_VALUE", "'" + l.description()
                    + "' rests on an assumed value: " + v.id() + " = " + v.value() + (v.unit().isEmpty() ? "" : " " + v.unit())
                    + " (from " + v.effectiveFrom() + ")" + (v.why().isEmpty() ? "." : ": " + v.why()), List.of(v), null, null);
            if (!findings.contains(f)) findings.add(f);
        }
    }

    /** A rule's finding as the engine stamps it. */
    private void finding(List<Finding> findings, Finding f, String ruleId, ParameterValue... read) {
        RuleInfo info = rules.get(ruleId);
        findings.add(f.attributedTo(ruleId, info.legalBasis(), info.citations()).withParameters(cited(info, read)));
    }

    private List<ParameterValue> cited(RuleInfo info, ParameterValue... read) {
        List<ParameterValue> all = new ArrayList<>(List.of(read));
        for (String id : info.conditions()) {
            ParameterValue v = current.get().peek(id);
            if (v != null && !all.contains(v)) all.add(v);
        }
        return all;
    }

    /** What the DRL's @oncePer/@entitlement give the engine to stamp: the same key, built by the same code. */
    private static Entitlement owed(EntitlementUnit unit, String entitlement, Claim claim) {
        return EntitlementKeys.of(unit, entitlement, claim);
    }

    private boolean inEffect(LocalDate date) {
        return (manifest.effectiveFrom() == null || !date.isBefore(manifest.effectiveFrom()))
                && (manifest.effectiveTo() == null || !date.isAfter(manifest.effectiveTo()));
    }

    private String effectText() {
        return (manifest.effectiveFrom() == null ? "…" : manifest.effectiveFrom().toString()) + " to "
                + (manifest.effectiveTo() == null ? "…" : manifest.effectiveTo().toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
