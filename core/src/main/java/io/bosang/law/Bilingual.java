package io.bosang.law;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A text in English and Korean. Either may be empty when the source has no name in that language (a Korean press
 * report has no English title of its own: the registry gives ours).
 */
@JsonPropertyOrder({"en", "ko"})
public record Bilingual(String en, String ko) {
    public Bilingual {
        en = en == null ? "" : en;
        ko = ko == null ? "" : ko;
    }

    /** The text in Korean when asked for and present, else the English. */
    public String in(boolean korean) {
        return korean && !ko.isEmpty() ? ko : en.isEmpty() ? ko : en;
    }

    public static Bilingual of(String en, String ko) {
        return new Bilingual(Objects.requireNonNullElse(en, ""), Objects.requireNonNullElse(ko, ""));
    }
}
