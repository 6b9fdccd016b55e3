package io.bosang.law;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Objects;

/**
 * A passage of a source. {@code VERBATIM} only when the text is copied character for character from a text we hold
 * (its {@code heldIn} says where we read it); anything reconstructed, translated or summarised is a {@code PARAPHRASE}
 * and says so wherever it is shown.
 *
 * @param fidelity verbatim or paraphrase
 * @param lang     the language of {@code text}: {@code ko} or {@code en}
 * @param text     the passage
 * @param heldIn   for a verbatim passage, where we hold the text (a URL or the document that quotes it); else empty
 */
@JsonPropertyOrder({"fidelity", "lang", "text", "heldIn"})
public record Quotation(Fidelity fidelity, String lang, String text,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) String heldIn) {
    public Quotation {
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(text, "text");
        lang = lang == null ? "" : lang;
        heldIn = heldIn == null ? "" : heldIn;
    }

    /** Whether a passage is copied as written or rendered in other words. */
    public enum Fidelity {
        VERBATIM, PARAPHRASE;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Fidelity of(String id) {
            for (Fidelity f : values()) if (f.id().equals(id)) return f;
            return null;
        }
    }
}
