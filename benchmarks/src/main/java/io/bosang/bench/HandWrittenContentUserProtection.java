package io.bosang.bench;

import io.bosang.domain.Claim;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Subscription;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyManifest;
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
    static final String SCOPE_01_BASIS = "콘텐츠이용자보호지침, outage clause (c): free services — no compensation unless a law provides otherwise (FACTS 4.6.2)";
    static final String SCOPE_02 = "CUPG-SCOPE-02";
    static final String SCOPE_02_BASIS = "콘텐츠이용자보호지침, outage clause: extension and refund of the paid service (FACTS 4.6.2)";
    static final String SCOPE_03 = "CUPG-SCOPE-03";
    static final String SCOPE_03_BASIS = "콘텐츠이용자보호지침, outage clause: the user's paid period is what is extended (FACTS 4.6.2)";
    static final String SCOPE_04 = "CUPG-SCOPE-04";
    static final String SCOPE_04_BASIS = "콘텐츠이용자보호지침, outage clause: compensation is measured by the stoppage time (FACTS 4.6.2)";
    static final String CLS_02 = "CUPG-CLS-02";
    static final String CLS_02_BASIS = "콘텐츠이용자보호지침, outage clause: '서비스 중지 시간' (stoppage time) (FACTS 4.6.2)";
    static final String CLS_04 = "CUPG-CLS-04";
    static final String CLS_04_BASIS = "콘텐츠이용자보호지침: prior notice = notice at least 24 h before the stoppage (FACTS 4.6.2)";
    static final String EXT_01 = "CUPG-EXT-01";
    static final String EXT_01_BASIS = "콘텐츠이용자보호지침, outage clause (a): stoppage attributable to the operator without prior notice → free extension of 3x the stoppage time (FACTS 4.6.2)";
    static final String EXT_02 = "CUPG-EXT-02";
    static final String EXT_02_BASIS = "콘텐츠이용자보호지침, outage clause (a): force majeure or a third party's illegal act → no termination, free extension equal to the stoppage time (FACTS 4.6.2)";
    static final String EXT_03 = "CUPG-EXT-03";
    static final String EXT_03_BASIS = "콘텐츠이용자보호지침, outage clause (a): time attributable to the user is excluded (FACTS 4.6.2)";
    static final String EXT_04 = "CUPG-EXT-04";
    static final String EXT_04_BASIS = "콘텐츠이용자보호지침, outage clause (b): with prior notice, ≤ 10 h in a month → free extension equal to the stoppage (FACTS 4.6.2)";
    static final String EXT_05 = "CUPG-EXT-05";
    static final String EXT_05_BASIS = "콘텐츠이용자보호지침, outage clause (b): with prior notice, > 10 h in a month → 10 h + 2x the excess (FACTS 4.6.2)";
    static final String TERM_01 = "CUPG-TERM-01";
    static final String TERM_01_BASIS = "콘텐츠이용자보호지침, outage clause (a): monthly stoppage > 72 h → termination, refund of the remaining period and damages unless no fault is proven (FACTS 4.6.2)";

    private static final String EXTENSION = "Free extension of the paid period";

    private final PolicyStamp stamp;
    private final PolicyManifest manifest;
    private final ParameterSet parameters;
    private final String policyId;
    private final Policy policy;
    private final Map<LocalDate, Resolved> byDate = new ConcurrentHashMap<>();

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

    private static void evaluate(Claim claim, Resolved p, ServiceOutage o, PolicyCalendar cal, List<AwardLine> lines,
                                 List<Finding> findings) {
        Incident incident = claim.incident();
        Subscription sub = claim.subscription();
        boolean paid = claim.service().payment() != PaymentModel.FREE;

        // ---- scope.drl: classification ----
        if (!paid) {
            findings.add(Finding.notEligible("FREE_SERVICE",
                    "The service is free: the guideline gives no compensation for free services unless a law provides otherwise.")
                    .attributedTo(SCOPE_01, SCOPE_01_BASIS));
            return; // every other rule needs a paid service, a Stoppage (paid only) or PriorNoticeGiven with a Stoppage
        }
        if (sub == null) {
            findings.add(Finding.notEligible("NO_PAID_PLAN",
                    "The claim names no paid plan for this service: the extension and refund apply to a paid plan in force during the stoppage.")
                    .attributedTo(SCOPE_02, SCOPE_02_BASIS));
        }
        if (o.totalMinutes() == 0 && o.uncountedMinutes() == 0) {
            findings.add(Finding.notEligible("NOT_DISRUPTED", "The incident did not disrupt this service.")
                    .attributedTo(SCOPE_04, SCOPE_04_BASIS));
            return;
        }
        if (sub == null) return;
        if (o.totalMinutes() == 0) {
            findings.add(Finding.notEligible("ONLY_PARTIAL_STOPPAGE",
                            "The service was only partly degraded, never stopped (" + o.describe() + "): this policy counts "
                                    + o.measure() + " only (counted-severities in policy.yaml).")
                    .attributedTo(CLS_02, CLS_02_BASIS));
            return; // no Stoppage: no other rule fires
        }
        if (!sub.activeAt(o.start())) {
            findings.add(Finding.notEligible("PLAN_NOT_ACTIVE",
                    "The paid plan was not in force when the service stopped (" + cal.format(o.start()) + ").")
                    .attributedTo(SCOPE_03, SCOPE_03_BASIS));
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
            findings.add(Finding.note("NOTICE_TOO_LATE",
                            "Users were notified at " + cal.format(incident.priorNotice().givenAt()) + ", less than " + Hours.format(p.leadHours)
                                    + " before the stoppage: the clause for stoppage without prior notice applies.")
                    .using(p.lead).attributedTo(CLS_04, CLS_04_BASIS));
        }

        // ---- extension.drl: entitlement ----
        FaultPosition fault = incident.fault();
        if (!priorNotice) {
            if (countedMinutes != 0) {
                if (fault.operatorAttributable()) {
                    Duration ext = Hours.times(counted, p.noNoticeFactor);
                    lines.add(AwardLine.extension(ext, EXTENSION)
                            .because(Hours.format(counted) + " of " + measure + " × " + Krw.factor(p.noNoticeFactor) + " = " + Hours.format(ext)
                                    + " (" + windows + ")")
                            .using(p.noNotice).attributedTo(EXT_01, EXT_01_BASIS, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim)));
                } else if (fault.excused()) {
                    Duration ext = Hours.times(counted, p.excusedFactor);
                    lines.add(AwardLine.extension(ext, EXTENSION)
                            .because(Hours.format(counted) + " of " + measure + " × " + Krw.factor(p.excusedFactor) + " = " + Hours.format(ext)
                                    + " (" + fault + "; " + windows + ")")
                            .using(p.excused).attributedTo(EXT_02, EXT_02_BASIS, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim)));
                    findings.add(Finding.note("NO_TERMINATION_RIGHT",
                                    "The stoppage came from " + fault + ": the clause gives no right to terminate, only the extension.")
                            .attributedTo(EXT_02, EXT_02_BASIS));
                } else if (fault == FaultPosition.NONE) {
                    findings.add(Finding.notEligible("NOT_ATTRIBUTABLE",
                                    "The stoppage is attributed to nobody (fault NONE): the clause covers stoppage attributable to the operator, force majeure or a third party.")
                            .attributedTo(EXT_03, EXT_03_BASIS));
                }
            }
            // ---- termination.drl ----
            if (fault.operatorAttributable() && monthly.compareTo(p.terminationHours) > 0) {
                long days = Periods.remainingDays(sub, o.end(), cal);
                int base = cal.daysInMonthOf(o.end());
                Computed refund = Krw.prorate(sub.monthlyFeeKrw(), days, base, p.roundingKrw, "DOWN");
                lines.add(AwardLine.terminationRight("Right to terminate the contract")
                        .because(Hours.format(monthly) + " of " + measure + " in one month > " + Hours.format(p.terminationHours)
                                + " (" + windows + ")")
                        .using(p.termination).attributedTo(TERM_01, TERM_01_BASIS, owed(EntitlementUnit.SUBSCRIPTION, TERM_01, claim)));
                lines.add(AwardLine.refund(refund.value(), "Refund of the remaining paid period if the user terminates")
                        .because(refund.derivation() + " (monthly fee × " + days + " remaining days after " + cal.dateOf(o.end())
                                + " / " + base + " days in the month)")
                        .using(p.termination).using(p.roundingUnit).attributedTo(TERM_01, TERM_01_BASIS, owed(EntitlementUnit.SUBSCRIPTION, TERM_01, claim)));
                findings.add(Finding.note("DAMAGES_UNLESS_NO_FAULT",
                                "Damages are owed on top unless the operator proves it was not at fault; Bosang does not estimate them here (see civil-damages-estimate).")
                        .attributedTo(TERM_01, TERM_01_BASIS));
                findings.add(Finding.note("ALTERNATIVE_REMEDIES",
                                "The extension and the termination refund are alternatives: a user who terminates takes the refund instead of the extension.")
                        .attributedTo(TERM_01, TERM_01_BASIS));
            }
        } else {
            if (countedMinutes != 0 && monthly.compareTo(p.thresholdHours) <= 0) {
                lines.add(AwardLine.extension(counted, EXTENSION)
                        .because(Hours.format(monthly) + " in the month ≤ " + Hours.format(p.thresholdHours)
                                + ": extension equal to the " + Hours.format(counted) + " of " + measure + " (" + windows + ")")
                        .using(p.threshold).attributedTo(EXT_04, EXT_04_BASIS, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim)));
            }
            if (monthly.compareTo(p.thresholdHours) > 0) {
                Duration t = p.thresholdHours;
                Duration excess = Hours.excess(monthly, t);
                Duration ext = t.plus(Hours.times(excess, p.excessFactor));
                lines.add(AwardLine.extension(ext, EXTENSION)
                        .because(Hours.format(t) + " + " + Krw.factor(p.excessFactor) + " × (" + Hours.format(monthly) + " − "
                                + Hours.format(t) + ") = " + Hours.format(ext) + " (" + measure + "; " + windows + ")")
                        .using(p.threshold).using(p.excessMultiplier).attributedTo(EXT_05, EXT_05_BASIS, owed(EntitlementUnit.SUBSCRIPTION, "CUPG-EXTENSION", claim)));
            }
        }
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
