package io.bosang.params;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How well a parameter value is known. Every dated value states one.
 * <ul>
 * <li>{@code OFFICIAL}: the issuer's own figure, confirmed in a source we cite (the text of a law, of the terms, of
 *     the company's plan as published);</li>
 * <li>{@code REPORTED}: given by reports, but imprecise or not settled (sources disagree, a single or secondary
 *     source, a date given only as a month, a figure derived from reported numbers);</li>
 * <li>{@code ASSUMED}: no source states it; Bosang chose it, and the value says why. An award that reads an assumed
 *     value carries a finding that says so.</li>
 * </ul>
 */
public enum Certainty {
    OFFICIAL, REPORTED, ASSUMED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String words(boolean korean) {
        return switch (this) {
            case OFFICIAL -> korean ? "공식" : "official";
            case REPORTED -> korean ? "보도" : "reported";
            case ASSUMED -> korean ? "가정" : "assumed";
        };
    }

    /** The certainty a file names, or null. */
    public static Certainty of(String id) {
        for (Certainty c : values()) if (c.id().equals(id)) return c;
        return null;
    }
}
