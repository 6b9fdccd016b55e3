package io.bosang.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Krw's formatting writes exactly what the JDK's formatters write (it replaced them for speed, and derivations are
 * part of the byte-identical output): every long, including both ends, and decimals of any scale and sign.
 */
class KrwFormatProperties {
    @Test
    void aWholeAmountIsWrittenAsStringFormatWritesIt() {
        qt().withExamples(20_000).forAll(longs().all())
                .checkAssert(n -> assertEquals(String.format(Locale.ROOT, "%,d", n), Krw.format(n)));
        for (long n : new long[]{Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 999, -999, 1000, -1000, 999_999, 1_000_000}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Krw.format(n));
        }
    }

    @Test
    void aDecimalIsWrittenAsDecimalFormatWritesIt() {
        DecimalFormat jdk = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        qt().withExamples(20_000).forAll(longs().all(), integers().between(-3, 12))
                .checkAssert((unscaled, scale) -> {
                    BigDecimal v = BigDecimal.valueOf(unscaled, scale);
                    BigDecimal shown = v.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
                    assertEquals(jdk.format(shown), Krw.format(v), v.toPlainString());
                });
        for (String v : new String[]{"0", "0.001", "-0.001", "-0.005", "0.005", "7548.387", "1000", "1E+3", "-1234567.891", "0.10"}) {
            BigDecimal d = new BigDecimal(v);
            assertEquals(jdk.format(d.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()), Krw.format(d), v);
        }
    }
}
