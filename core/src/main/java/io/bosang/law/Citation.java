package io.bosang.law;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source named by its registry id, with a pinpoint (article, paragraph, clause, page) when one is given. Written
 * as text {@code id pinpoint}, several separated by {@code ;}: {@code "tba Art. 33; moleg-14-0683"}.
 *
 * @param source   the registry id
 * @param pinpoint where in the source, or empty
 * @param entry    the registry entry, once resolved (null before); not part of equality's meaning but carried so
 *                 a result can render its sources without the registry at hand
 */
@JsonPropertyOrder({"source", "pinpoint"})
public record Citation(String source, @JsonInclude(JsonInclude.Include.NON_EMPTY) String pinpoint, @JsonIgnore Source entry) {
    public Citation {
        Objects.requireNonNull(source, "source");
        pinpoint = pinpoint == null ? "" : pinpoint.trim();
    }

    public Citation(String source, String pinpoint) {
        this(source, pinpoint, null);
    }

    /** The citation with its registry entry. */
    public Citation resolvedTo(Source resolved) {
        return new Citation(source, pinpoint, resolved);
    }

    /** "id pinpoint", as written. */
    @Override
    public String toString() {
        return pinpoint.isEmpty() ? source : source + " " + pinpoint;
    }

    /** The citation in full in one language, or its id and pinpoint when not resolved. */
    public String render(boolean korean) {
        return entry == null ? toString() : entry.render(pinpoint, korean);
    }

    /** How a source is named inside a sentence: its short title and the pinpoint ("SKT terms 2014, Art. 32"). */
    public String shortForm() {
        if (entry == null) return toString();
        String art = entry.article().isEmpty() ? pinpoint : (entry.article() + (pinpoint.isEmpty() ? "" : " " + pinpoint));
        return entry.shortTitle().en() + (art.isEmpty() ? "" : ", " + art);
    }

    /**
     * Citations written as text: {@code id pinpoint} separated by {@code ;}. An id is lower case letters, digits,
     * dots and dashes; each problem (an empty item, a malformed id) is added to {@code problems}.
     */
    public static List<Citation> parseList(String text, List<String> problems) {
        List<Citation> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String item : text.split(";")) {
            String t = item.trim();
            if (t.isEmpty()) {
                problems.add("an empty citation between ';'");
                continue;
            }
            int space = t.indexOf(' ');
            String id = space < 0 ? t : t.substring(0, space);
            String pin = space < 0 ? "" : t.substring(space + 1).trim();
            if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
                problems.add("'" + id + "' is not a source id (lower-case letters, digits, dots and dashes, as in the registry)");
                continue;
            }
            out.add(new Citation(id, pin));
        }
        return out;
    }
}
