package io.bosang.scenario;

import io.bosang.result.Assessment;
import io.bosang.result.AwardKind;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.result.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario expects of one claim's assessment. Every field is optional (null: not checked).
 *
 * @param line           the line of the expectation in its scenario file
 * @param outcome        the outcome
 * @param monetaryKrw    the money total
 * @param nominalInKindKrw the nominal in-kind total
 * @param extension      the extension total
 * @param rejectionField the rejected field, when a rejection is expected ({@code ""}: any field)
 * @param lines          all the lines (their count must match; each line matched on the fields it gives), or null
 * @param findings       findings that must be among the assessment's findings
 */
public record Expectation(int line, Outcome outcome, Long monetaryKrw, Long nominalInKindKrw, Duration extension,
                          String rejectionField, List<LineExpectation> lines, List<FindingExpectation> findings) {
    public Expectation {
        lines = lines == null ? null : List.copyOf(lines);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** One expected line: each non-null field must match ({@code description}, {@code derivation}: contained). */
    public record LineExpectation(int line, String ruleId, AwardKind kind, Long amountKrw, Long nominalValueKrw, Duration extension,
                                  String description, String derivation, String parameter, EntitlementUnit unit, String key) {
        boolean matches(AwardLine l) {
            return (ruleId == null || ruleId.equals(l.ruleId()))
                    && (kind == null || kind == l.kind())
                    && (amountKrw == null || amountKrw == l.amountKrw())
                    && (nominalValueKrw == null || nominalValueKrw == l.nominalValueKrw())
                    && (extension == null || extension.equals(l.extension()))
                    && (description == null || l.description().contains(description))
                    && (derivation == null || l.derivation().contains(derivation))
                    && (parameter == null || l.parameters().stream().anyMatch(p -> p.id().equals(parameter)))
                    && (unit == null || (l.owedPer() != null && unit == l.owedPer().unit()))
                    && (key == null || (l.owedPer() != null && key.equals(l.owedPer().key())));
        }
    }

    /** One expected finding: each non-null field must match ({@code message}: contained). */
    public record FindingExpectation(int line, String ruleId, FindingKind kind, String code, String message,
                                     EntitlementUnit unit, String priorClaim) {
        boolean matches(Finding f) {
            return (ruleId == null || ruleId.equals(f.ruleId()))
                    && (kind == null || kind == f.kind())
                    && (code == null || code.equals(f.code()))
                    && (message == null || f.message().contains(message))
                    && (unit == null || (f.owedPer() != null && unit == f.owedPer().unit()))
                    && (priorClaim == null || (f.priorGrant() != null && priorClaim.equals(f.priorGrant().claimId())));
        }
    }

    /** What differs between this expectation and {@code a}; empty when everything expected holds. */
    public List<String> failures(Assessment a) {
        List<String> f = new ArrayList<>();
        if (outcome != null && outcome != a.outcome()) f.add("outcome: expected " + outcome + ", got " + a.outcome() + describe(a));
        if (monetaryKrw != null && monetaryKrw != a.totals().monetaryKrw()) {
            f.add("monetaryKrw: expected " + monetaryKrw + ", got " + a.totals().monetaryKrw() + describe(a));
        }
        if (nominalInKindKrw != null && nominalInKindKrw != a.totals().nominalInKindKrw()) {
            f.add("nominalInKindKrw: expected " + nominalInKindKrw + ", got " + a.totals().nominalInKindKrw());
        }
        if (extension != null && !extension.equals(a.totals().extension())) {
            f.add("extension: expected " + extension + ", got " + a.totals().extension() + describe(a));
        }
        if (rejectionField != null) {
            if (a.rejection() == null) f.add("rejection: expected one, got outcome " + a.outcome());
            else if (!rejectionField.isEmpty() && !rejectionField.equals(a.rejection().field())) {
                f.add("rejection.field: expected " + rejectionField + ", got " + a.rejection().field() + " (" + a.rejection().reason() + ")");
            }
        }
        if (lines != null) {
            if (lines.size() != a.lines().size()) f.add("lines: expected " + lines.size() + ", got " + a.lines().size() + describe(a));
            List<AwardLine> unmatched = new ArrayList<>(a.lines());
            for (LineExpectation want : lines) {
                AwardLine hit = unmatched.stream().filter(want::matches).findFirst().orElse(null);
                if (hit == null) f.add("no line matches the expectation at line " + want.line() + describe(a));
                else unmatched.remove(hit);
            }
        }
        for (FindingExpectation want : findings) {
            if (a.findings().stream().noneMatch(want::matches)) f.add("no finding matches the expectation at line " + want.line() + describe(a));
        }
        return f;
    }

    private static String describe(Assessment a) {
        StringBuilder sb = new StringBuilder("\n      actual: ").append(a.outcome());
        for (AwardLine l : a.lines()) {
            sb.append("\n        line ").append(l.ruleId()).append(' ').append(l.kind()).append(' ')
                    .append(l.amountKrw()).append(" KRW").append(l.extension() == null ? "" : " " + l.extension())
                    .append(l.owedPer() == null ? "" : " per " + l.owedPer().unit() + " " + l.owedPer().key())
                    .append(" — ").append(l.derivation());
        }
        for (Finding x : a.findings()) sb.append("\n        finding ").append(x.ruleId()).append(' ').append(x.code()).append(": ").append(x.message());
        if (a.rejection() != null) sb.append("\n        rejection ").append(a.rejection().field()).append(": ").append(a.rejection().reason());
        return sb.toString();
    }
}
