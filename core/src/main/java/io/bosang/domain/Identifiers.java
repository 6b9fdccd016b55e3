package io.bosang.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How identifiers are compared when a run settles claims: two spellings of one claimant, claim or subscription are
 * one identity. Output always echoes identifiers as written; only settlement compares their normal forms.
 *
 * <p>The normal form is: Unicode NFKC (full-width {@code ＤＵ－５} becomes {@code DU-5}), every dash or minus sign
 * (Unicode dash punctuation, U+2212) replaced by {@code -}, every run of white space (Unicode {@code Zs}, tabs,
 * line ends) collapsed to one space and trimmed at both ends, and lower case in the root locale. So {@code DU-5},
 * {@code du-5}, {@code " DU-5 "}, {@code ＤＵ－５}, {@code DU–5} (en dash) and {@code DU−5} (minus sign) are one.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** The settlement form of {@code id}; the empty string for null or blank. */
    public static String normalise(String id) {
        if (id == null) return "";
        String s = Normalizer.normalize(id, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            if (Character.getType(cp) == Character.DASH_PUNCTUATION || cp == 0x2212) b.append('-');
            else b.appendCodePoint(cp);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** A business registration number's settlement form: its digits only ({@code 123-45-67890} → {@code 1234567890}). */
    public static String registrationNumber(String number) {
        String n = normalise(number);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
        }
        return b.length() == 0 ? n : b.toString();
    }
}
