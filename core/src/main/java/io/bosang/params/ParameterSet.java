package io.bosang.params;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All parameters of a policy. Immutable; {@link #on(LocalDate)} views are cached per date because a run's claims
 * share a handful of incident dates.
 */
public final class ParameterSet {
    private final Map<String, Parameter> parameters;
    private final Map<LocalDate, Map<String, ParameterValue>> byDate = new ConcurrentHashMap<>();

    public ParameterSet(Map<String, Parameter> parameters) {
        this.parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public Collection<Parameter> all() {
        return parameters.values();
    }

    public Optional<Parameter> get(String id) {
        return Optional.ofNullable(parameters.get(id));
    }

    public boolean contains(String id) {
        return parameters.containsKey(id);
    }

    /** The parameters in force on {@code date}, read without recording (tests, tools). */
    public Params on(LocalDate date) {
        return on(date, null);
    }

    /**
     * The parameters in force on {@code date} for one evaluation, whose reads go to {@code log}. The values are
     * computed once per date and shared; the view is the evaluation's own.
     */
    public Params on(LocalDate date, ReadLog log) {
        return new Params(date, inForce(date), log);
    }

    /** The values in force on {@code date}, by id. */
    public Map<String, ParameterValue> inForce(LocalDate date) {
        return byDate.computeIfAbsent(date, d -> {
            Map<String, ParameterValue> values = new java.util.HashMap<>();
            for (Parameter p : parameters.values()) {
                p.at(d).ifPresent(v -> values.put(p.id(), v));
            }
            return Map.copyOf(values);
        });
    }

    /** Returns a copy with some parameters replaced (what-if scenarios, check's parameter mutations). */
    public ParameterSet with(Map<String, Parameter> replacements) {
        Map<String, Parameter> copy = new TreeMap<>(parameters);
        copy.putAll(replacements);
        return new ParameterSet(copy);
    }
}
