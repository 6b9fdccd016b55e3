package io.bosang.law;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code @legalBasis}: the sources it applies, in brackets, then what they say in a sentence:
 * {@code [skt-terms-2014 Art. 32] ≥ 3 h or > 6 h a month → at least 6x the fee for the outage time}.
 *
 * @param citations the sources, unresolved until the policy is built against the registry
 * @param summary   the sentence after the brackets
 */
public record LegalBasis(List<Citation> citations, String summary) {
    public LegalBasis {
        citations = List.copyOf(citations);
        summary = summary == null ? "" : summary.trim();
    }

    /** The legal basis in words: the short titles of its sources and pinpoints, then its summary. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Citation c : citations) b.append(b.length() == 0 ? "" : "; ").append(c.shortForm());
        if (summary.isEmpty()) return b.toString();
        return b.length() == 0 ? summary : b + ": " + summary;
    }

    /** Reads {@code [id pinpoint; id pinpoint] summary}; problems are described in {@code problems}. */
    public static LegalBasis parse(String text, List<String> problems) {
        String t = text == null ? "" : text.trim();
        if (!t.startsWith("[")) {
            problems.add("a legal basis starts with the sources it applies, in brackets, e.g. [tba Art. 33] liability for damages"
                    + " (ids from the source registry, rules/src/main/resources/sources)");
            return new LegalBasis(List.of(), t);
        }
        int close = t.indexOf(']');
        if (close < 0) {
            problems.add("the bracket of sources is not closed: [id pinpoint; ...] summary");
            return new LegalBasis(List.of(), t);
        }
        List<Citation> cites = new ArrayList<>(Citation.parseList(t.substring(1, close), problems));
        if (cites.isEmpty() && problems.isEmpty()) problems.add("the brackets name no source");
        return new LegalBasis(cites, t.substring(close + 1));
    }
}
