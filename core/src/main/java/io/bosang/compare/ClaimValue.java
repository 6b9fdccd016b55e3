package io.bosang.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one policy gave one claim, compactly: enough to compare policies and versions across millions of claims
 * without keeping full assessments.
 *
 * @param record     1-based input record
 * @param claimId    the claim id (null for an unreadable record)
 * @param outcome    the outcome
 * @param valueKrw   money plus the nominal value of in-kind items, in whole KRW
 * @param moneyKrw   money alone (cash, points, credits, refunds, waived fees)
 * @param extension  total service extension
 * @param byRule     value in KRW per rule id that gave a line (0 for rules that gave only an extension or a right)
 * @param findings   the codes of the findings, e.g. {@code FREE_SERVICE}, and the rejected field for a rejection
 * @param parameters the parameter values the lines cited, by id (each with its value and effective date)
 * @param onAssumedKrw of {@code valueKrw}, what the lines that read an assumed parameter value give
 */
@JsonPropertyOrder({"record", "claimId", "outcome", "valueKrw", "moneyKrw", "extension", "byRule", "findings", "parameters", "onAssumedKrw"})
public record ClaimValue(long record, String claimId, Outcome outcome, long valueKrw, long moneyKrw, Duration extension,
                         Map<String, Long> byRule, List<String> findings, Map<String, ParameterValue> parameters, long onAssumedKrw) {

    /** A value resting on no assumed parameter value. */
    public ClaimValue(long record, String claimId, Outcome outcome, long valueKrw, long moneyKrw, Duration extension,
                      Map<String, Long> byRule, List<String> findings, Map<String, ParameterValue> parameters) {
        this(record, claimId, outcome, valueKrw, moneyKrw, extension, byRule, findings, parameters, 0);
    }

    public static ClaimValue of(Assessment a) {
        Map<String, Long> rules = new TreeMap<>();
        Map<String, ParameterValue> params = new TreeMap<>();
        long onAssumed = 0;
        for (AwardLine l : a.lines()) {
            if (l.parameters().stream().anyMatch(ParameterValue::assumed)) onAssumed = Math.addExact(onAssumed, l.amountKrw() + l.nominalValueKrw());
            rules.merge(l.ruleId(), l.amountKrw() + l.nominalValueKrw(), Long::sum);
            for (ParameterValue v : l.parameters()) params.put(v.id(), v);   // shared instances: nothing built per claim
        }
        List<String> codes = new ArrayList<>();
        for (Finding f : a.findings()) if (!codes.contains(f.code())) codes.add(f.code());
        if (a.rejection() != null) codes.add((a.outcome() == Outcome.ERROR ? "ERROR " : "REJECTED ") + a.rejection().field());
        return new ClaimValue(a.record(), a.claimId(), a.outcome(), a.totals().valueKrw(), a.totals().monetaryKrw(),
                a.totals().extension(), Collections.unmodifiableMap(rules), List.copyOf(codes), Collections.unmodifiableMap(params), onAssumed);
    }

    /** True when two policies' results for the same record differ in outcome, value or extension. */
    public boolean differsFrom(ClaimValue other) {
        return outcome != other.outcome || valueKrw != other.valueKrw || !extension.equals(other.extension);
    }
}
