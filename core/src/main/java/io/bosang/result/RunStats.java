package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.EnumMap;
import java.util.Map;

/** Counts and sums over a run, accumulated in output order. */
@JsonPropertyOrder({"records", "outcomes", "monetaryKrw", "nominalInKindKrw"})
public final class RunStats {
    private long records;
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private long monetaryKrw;
    private long nominalInKindKrw;

    public RunStats() {
        for (Outcome o : Outcome.values()) outcomes.put(o, 0L);
    }

    public void add(Assessment a) {
        records++;
        outcomes.merge(a.outcome(), 1L, Long::sum);
        monetaryKrw = Math.addExact(monetaryKrw, a.totals().monetaryKrw());
        nominalInKindKrw = Math.addExact(nominalInKindKrw, a.totals().nominalInKindKrw());
    }

    public long records() {
        return records;
    }

    public Map<Outcome, Long> outcomes() {
        return new EnumMap<>(outcomes);
    }

    public long count(Outcome o) {
        return outcomes.get(o);
    }

    public long monetaryKrw() {
        return monetaryKrw;
    }

    public long nominalInKindKrw() {
        return nominalInKindKrw;
    }
}
