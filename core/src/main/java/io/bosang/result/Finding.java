package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.law.Citation;
import io.bosang.params.ParameterValue;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Why something was not paid, was capped, rests on an assumption, or needs review. Every zero outcome carries at
 * least one. Created by rules like award lines and stamped with the rule's id and legal basis by the engine.
 *
 * @param ruleId     the rule that found it
 * @param legalBasis that rule's legal basis in words
 * @param citations  the sources of the legal basis by registry id and pinpoint
 * @param kind       what kind of finding
 * @param code       a stable machine-readable code, e.g. {@code FREE_SERVICE}
 * @param message    the finding in words
 * @param parameters parameter values the rule read (stamped by the engine)
 * @param owedPer    on a settlement finding ({@code ALREADY_GRANTED}, {@code QUOTA_EXHAUSTED}): the unit and key of the
 *                   entitlement asked for again; null otherwise
 * @param priorGrant on {@code ALREADY_GRANTED} and {@code DUPLICATE_CLAIM}: the earlier claim that received it; null otherwise
 */
@JsonPropertyOrder({"ruleId", "legalBasis", "citations", "kind", "code", "message", "parameters", "owedPer", "priorGrant"})
public record Finding(String ruleId, String legalBasis, List<Citation> citations, FindingKind kind, String code, String message,
                      List<ParameterValue> parameters,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Entitlement owedPer,
                      @JsonInclude(JsonInclude.Include.NON_NULL) PriorGrant priorGrant) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(Finding::kind).thenComparing(Finding::code).thenComparing(Finding::message);

    /** A finding of a rule, stamped later with the rule's identity. */
    public Finding(String ruleId, String legalBasis, FindingKind kind, String code, String message, List<ParameterValue> parameters) {
        this(ruleId, legalBasis, List.of(), kind, code, message, parameters, null, null);
    }

    /** A settlement finding about a line: the line's rule, basis and citations. */
    public Finding(String ruleId, String legalBasis, FindingKind kind, String code, String message, List<ParameterValue> parameters,
                   Entitlement owedPer, PriorGrant priorGrant) {
        this(ruleId, legalBasis, List.of(), kind, code, message, parameters, owedPer, priorGrant);
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        ruleId = ruleId == null ? "" : ruleId;
        legalBasis = legalBasis == null ? "" : legalBasis;
        citations = citations == null ? List.of() : List.copyOf(citations);
        message = message == null ? "" : message;
        parameters = ParameterValue.sortedDistinct(parameters);
    }

    public static Finding of(FindingKind kind, String code, String message) {
        return new Finding(null, null, kind, code, message, null);
    }

    public static Finding notEligible(String code, String message) {
        return of(FindingKind.NOT_ELIGIBLE, code, message);
    }

    public static Finding capped(String code, String message) {
        return of(FindingKind.CAPPED, code, message);
    }

    public static Finding manualReview(String code, String message) {
        return of(FindingKind.MANUAL_REVIEW, code, message);
    }

    public static Finding assumption(String code, String message) {
        return of(FindingKind.ASSUMPTION, code, message);
    }

    public static Finding note(String code, String message) {
        return of(FindingKind.NOTE, code, message);
    }

    /** The finding citing {@code values} (sorted, without repeats); the engine calls it with what the rule read. */
    public Finding withParameters(List<ParameterValue> values) {
        return new Finding(ruleId, legalBasis, citations, kind, code, message, values, owedPer, priorGrant);
    }

    /** Stamps the rule's identity; called by the engine, never by a rule. */
    public Finding attributedTo(String newRuleId, String newLegalBasis, List<Citation> newCitations) {
        return new Finding(newRuleId, newLegalBasis, newCitations, kind, code, message, parameters, owedPer, priorGrant);
    }

    public Finding attributedTo(String newRuleId, String newLegalBasis) {
        return attributedTo(newRuleId, newLegalBasis, List.of());
    }
}
