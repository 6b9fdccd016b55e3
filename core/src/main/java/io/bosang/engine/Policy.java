package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.engine.internal.ContentHash;
import io.bosang.engine.internal.DroolsRuleBase;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterSet;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.PolicyStamp;
import io.bosang.rules.PolicyCalendar;
import io.bosang.rules.ServiceOutage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A compiled policy: its manifest, its rules compiled once, and its dated parameters. Immutable and thread-safe:
 * build it once and share it across threads; {@link #assess(Claim)} may be called concurrently.
 *
 * <p>Build one with {@link PolicyLoader}. A what-if copy with other parameters ({@link #withParameters(Map)}) reuses
 * the compiled rules, so trying a parameter edit costs no compilation.
 */
public final class Policy {
    /** Rule id of the engine's own findings (outside the policy's effective dates, no rule applied). */
    public static final String ENGINE_RULE = "ENGINE";

    private final PolicyManifest manifest;
    private final ParameterSet parameters;
    private final DroolsRuleBase ruleBase;
    private final PolicyStamp stamp;
    private final String origin;
    private final PolicyCalendar calendar;
    private final Set<Severity> counted;
    private final io.bosang.law.SourceRegistry sources;
    private final OutageCache outages;

    Policy(PolicyManifest manifest, ParameterSet parameters, DroolsRuleBase ruleBase, String contentHash, String origin,
           io.bosang.law.SourceRegistry sources) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.ruleBase = Objects.requireNonNull(ruleBase, "ruleBase");
        this.stamp = new PolicyStamp(manifest.id(), manifest.version(), contentHash);
        this.origin = origin;
        this.calendar = manifest.calendar();
        this.counted = EnumSet.copyOf(manifest.countedSeverities());
        this.sources = sources == null ? io.bosang.law.SourceRegistry.empty() : sources;
        this.outages = new OutageCache(calendar, counted);
    }

    public String id() {
        return manifest.id();
    }

    public String version() {
        return manifest.version();
    }

    public String contentHash() {
        return stamp.contentHash();
    }

    public PolicyStamp stamp() {
        return stamp;
    }

    public PolicyManifest manifest() {
        return manifest;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** Where the policy was loaded from: {@code classpath:policies/<id>} or a directory. */
    public String origin() {
        return origin;
    }

    /** The policy's calendar: the zone of its days, months and deadlines ({@code zone:} in policy.yaml). */
    public PolicyCalendar calendar() {
        return calendar;
    }

    /** The incident's start date in the policy's zone: the date whose parameters apply. */
    public LocalDate incidentDate(Incident incident) {
        return incident.dateIn(calendar.zone());
    }

    /** The sources this policy may cite: the shared registry and its folder's own {@code sources.yaml}. */
    public io.bosang.law.SourceRegistry sources() {
        return sources;
    }

    /** The rule catalogue: every rule with its id, legal basis, file, line and the parameters it reads. */
    public List<RuleInfo> rules() {
        return ruleBase.catalogue();
    }

    /** Assesses one claim as record 1. */
    public Assessment assess(Claim claim) {
        return assess(claim, 1);
    }

    /**
     * Assesses one claim. Never throws for a claim: a rule failure becomes an {@link io.bosang.result.Outcome#ERROR}
     * assessment naming the failure, so one bad claim cannot stop a run.
     */
    public Assessment assess(Claim claim, long record) {
        try {
            LocalDate date = incidentDate(claim.incident());
            if (!inEffect(date)) {
                Finding f = new Finding(ENGINE_RULE, effectText(), FindingKind.NOT_ELIGIBLE, "OUTSIDE_EFFECTIVE_DATES",
                        "The incident of " + date + " is outside this policy's effective dates (" + effectText() + ").", List.of());
                return Assessment.of(record, claim.id(), stamp, List.of(), List.of(f));
            }
            ServiceOutage outage = outages.of(claim.incident(), claim.service().id());
            DroolsRuleBase.Evaluation ev = ruleBase.evaluate(claim, parameters, date, outage, calendar);
            List<AwardLine> lines = ev.lines();
            List<Finding> findings = ev.findings();
            if (lines.isEmpty() && findings.isEmpty()) {
                findings = new ArrayList<>(findings);
                findings.add(new Finding(ENGINE_RULE, "", FindingKind.NOT_ELIGIBLE, "NO_RULE_APPLIES",
                        "No rule of " + id() + " applies to this claim.", List.of()));
            }
            return Assessment.of(record, claim.id(), stamp, lines, findings);
        } catch (RuntimeException e) {
            return Assessment.error(record, claim.id(), stamp, "policy " + id() + " failed on this claim: " + rootMessage(e));
        } catch (StackOverflowError e) {
            // A rule recursing without end fails its claim, not the worker thread (an OutOfMemoryError is left to
            // propagate: the process is then unhealthy and must be restarted).
            return Assessment.error(record, claim.id(), stamp, "policy " + id() + " failed on this claim: a rule recursed without end (stack overflow)");
        }
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
        if (e instanceof io.bosang.engine.internal.RuleFailedException r) return "rule " + r.ruleId() + ": " + rootMessage(r.getCause());
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof StackOverflowError) return "a rule recursed without end (stack overflow)";
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * A what-if copy that counts other severities (e.g. partial service as stoppage), sharing the compiled rules; its
     * content hash records the reading, so its results are never mistaken for the original's.
     */
    public Policy withCountedSeverities(List<Severity> severities) {
        PolicyManifest m = manifest.withCountedSeverities(severities);
        return new Policy(m, parameters, ruleBase, ContentHash.combine(contentHash(), "counted-severities=" + m.countedSeverities()),
                origin + " (what-if)", sources);
    }

    /**
     * A what-if copy with some parameters replaced, sharing the compiled rules. Its content hash combines this
     * policy's hash with the replaced values, so its results are never mistaken for the original's.
     */
    public Policy withParameters(Map<String, Parameter> replacements) {
        StringBuilder digest = new StringBuilder();
        new TreeMap<>(replacements).forEach((k, v) -> digest.append(k).append('=').append(v.values()).append('\n'));
        return new Policy(manifest, parameters.with(replacements), ruleBase,
                ContentHash.combine(contentHash(), digest.toString()), origin + " (what-if)", sources);
    }

    @Override
    public String toString() {
        return "Policy[" + id() + " " + version() + " " + contentHash().substring(0, 19) + "]";
    }
}
