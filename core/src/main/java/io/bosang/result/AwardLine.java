package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.law.Citation;
import io.bosang.params.ParameterValue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing a claimant is awarded, with everything needed to explain it.
 *
 * <p>Rules create lines with the factories ({@code AwardLine.cash(7550, "ProMembership points")}) and the fluent
 * {@link #because(String)}; each returns a new line. The engine then stamps the rule id, legal basis and citations
 * from the inserting rule's {@code @ruleId} and {@code @legalBasis} metadata, and the parameter values the rule read
 * (its consequence's reads and the parameters its conditions compare), so a rule cannot forget them, cannot cite what
 * it did not read and cannot claim another rule's identity.
 *
 * @param ruleId          the rule that awarded it
 * @param legalBasis      the legal or published basis of that rule in words: its sources' short titles and pinpoints,
 *                        then what they provide
 * @param citations       the sources of the legal basis by registry id and pinpoint (in full in the assessment's
 *                        {@code sources})
 * @param kind            what is given
 * @param description     what it is, in words
 * @param amountKrw       money value in whole KRW (0 for extensions, rights and in-kind items)
 * @param nominalValueKrw nominal value of an in-kind item in whole KRW (0 otherwise); never counted as cash
 * @param extension       length of a service extension, or null
 * @param owedPer         what the line is owed per and the key it was settled on, stamped by the engine from the
 *                        rule's {@code @oncePer} (and {@code @entitlement}) metadata; null only before stamping
 * @param derivation      how the amount was computed, e.g. "39,000 × 6 / 31 = 7,548.39 → 7,550 (rounded to 10 won)"
 * @param parameters      the parameter values the rule read, each with its effective date, certainty and reference
 * @param quota           the limited-quantity pool this line draws from, or null
 */
@JsonPropertyOrder({"ruleId", "legalBasis", "citations", "kind", "description", "amountKrw", "nominalValueKrw", "extension",
        "owedPer", "derivation", "parameters", "quota"})
public record AwardLine(
        String ruleId,
        String legalBasis,
        List<Citation> citations,
        AwardKind kind,
        String description,
        long amountKrw,
        long nominalValueKrw,
        @JsonInclude(JsonInclude.Include.NON_NULL) Duration extension,
        @JsonInclude(JsonInclude.Include.NON_NULL) Entitlement owedPer,
        String derivation,
        List<ParameterValue> parameters,
        @JsonInclude(JsonInclude.Include.NON_NULL) Quota quota) {

    /** Deterministic order of lines in an assessment. */
    public static final Comparator<AwardLine> ORDER = Comparator.comparing(AwardLine::ruleId)
            .thenComparing(AwardLine::kind).thenComparing(AwardLine::description)
            .thenComparingLong(AwardLine::amountKrw);

    public AwardLine {
        Objects.requireNonNull(kind, "kind");
        ruleId = ruleId == null ? "" : ruleId;
        legalBasis = legalBasis == null ? "" : legalBasis;
        citations = citations == null ? List.of() : List.copyOf(citations);
        description = description == null ? "" : description;
        derivation = derivation == null ? "" : derivation;
        parameters = ParameterValue.sortedDistinct(parameters);
        if (amountKrw < 0) throw new IllegalArgumentException("award amount must not be negative: " + amountKrw);
        if (nominalValueKrw < 0) throw new IllegalArgumentException("nominal value must not be negative");
        if (extension != null && extension.isNegative()) throw new IllegalArgumentException("extension must not be negative");
    }

    // ---- factories for rules ----

    public static AwardLine money(AwardKind kind, long amountKrw, String description) {
        if (!kind.monetary()) throw new IllegalArgumentException(kind + " is not a money kind");
        return new AwardLine(null, null, null, kind, description, amountKrw, 0, null, null, null, null, null);
    }

    public static AwardLine cash(long amountKrw, String description) {
        return money(AwardKind.CASH, amountKrw, description);
    }

    public static AwardLine points(long amountKrw, String description) {
        return money(AwardKind.POINTS, amountKrw, description);
    }

    public static AwardLine credit(long amountKrw, String description) {
        return money(AwardKind.CREDIT, amountKrw, description);
    }

    public static AwardLine refund(long amountKrw, String description) {
        return money(AwardKind.REFUND, amountKrw, description);
    }

    public static AwardLine feeWaiver(long amountKrw, String description) {
        return money(AwardKind.FEE_WAIVER, amountKrw, description);
    }

    public static AwardLine extension(Duration length, String description) {
        Objects.requireNonNull(length, "length");
        return new AwardLine(null, null, null, AwardKind.SERVICE_EXTENSION, description, 0, 0, length, null, null, null, null);
    }

    public static AwardLine inKind(String item, long nominalValueKrw) {
        return new AwardLine(null, null, null, AwardKind.IN_KIND, item, 0, nominalValueKrw, null, null, null, null, null);
    }

    public static AwardLine terminationRight(String description) {
        return new AwardLine(null, null, null, AwardKind.TERMINATION_RIGHT, description, 0, 0, null, null, null, null, null);
    }

    // ---- fluent, each returning a new line ----

    public AwardLine because(String newDerivation) {
        return new AwardLine(ruleId, legalBasis, citations, kind, description, amountKrw, nominalValueKrw, extension, owedPer, newDerivation, parameters, quota);
    }

    /** The line citing {@code values} (sorted, without repeats); the engine calls it with what the rule read. */
    public AwardLine withParameters(List<ParameterValue> values) {
        return new AwardLine(ruleId, legalBasis, citations, kind, description, amountKrw, nominalValueKrw, extension, owedPer, derivation, values, quota);
    }

    /**
     * Only the first {@code limit} units (claimants, subscriptions... as the rule's {@code @oncePer} says) of
     * {@code pool}, in claim order, get this line; a unit draws from the pool once.
     */
    public AwardLine limitedTo(String pool, long limit) {
        return new AwardLine(ruleId, legalBasis, citations, kind, description, amountKrw, nominalValueKrw, extension, owedPer, derivation, parameters, new Quota(pool, limit));
    }

    /** Stamps the rule's identity; called by the engine, never by a rule. */
    public AwardLine attributedTo(String newRuleId, String newLegalBasis, List<Citation> newCitations, Entitlement newOwedPer) {
        return new AwardLine(newRuleId, newLegalBasis, newCitations, kind, description, amountKrw, nominalValueKrw, extension, newOwedPer, derivation, parameters, quota);
    }

    /** Stamps the rule's identity without citations (hand-written assessors). */
    public AwardLine attributedTo(String newRuleId, String newLegalBasis, Entitlement newOwedPer) {
        return attributedTo(newRuleId, newLegalBasis, List.of(), newOwedPer);
    }
}
