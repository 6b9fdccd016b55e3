package io.bosang.bench;

import io.bosang.result.Assessment;
import io.bosang.result.Outcome;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an engine-only benchmark returns: counts and sums over its assessments, cheap next to an assessment, so the
 * work cannot be optimised away and the smoke test can check the results are real.
 */
public final class Tally {
    private long assessments;
    private long lines;
    private long findings;
    private long monetaryKrw;
    private long extensionMinutes;
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);

    public void add(Assessment a) {
        assessments++;
        lines += a.lines().size();
        findings += a.findings().size();
        monetaryKrw += a.totals().monetaryKrw();
        extensionMinutes += a.totals().extension().toMinutes();
        outcomes.merge(a.outcome(), 1L, Long::sum);
    }

    public long assessments() {
        return assessments;
    }

    public long lines() {
        return lines;
    }

    public long findings() {
        return findings;
    }

    public long monetaryKrw() {
        return monetaryKrw;
    }

    public long extensionMinutes() {
        return extensionMinutes;
    }

    public long count(Outcome o) {
        return outcomes.getOrDefault(o, 0L);
    }

    public Map<Outcome, Long> outcomes() {
        return new EnumMap<>(outcomes);
    }

    @Override
    public String toString() {
        return "Tally[assessments=" + assessments + ", lines=" + lines + ", findings=" + findings + ", monetaryKrw="
                + monetaryKrw + ", extensionMinutes=" + extensionMinutes + ", outcomes=" + outcomes + "]";
    }
}
