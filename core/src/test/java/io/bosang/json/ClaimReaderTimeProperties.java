package io.bosang.json;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The reader's positional date-time reading gives what {@code OffsetDateTime.parse} gives, for every text the
 * claim schema's pattern admits, and fails exactly where it fails (a day the month does not have): over dates of
 * the whole admitted range, fractions of 0 to 9 digits, Z and offsets of either sign up to ±14:59.
 */
class ClaimReaderTimeProperties {
    private static final Pattern ADMITTED = Pattern.compile(InputLimits.DATE_TIME_PATTERN);

    @Test
    void readingByPositionIsOffsetDateTimeParse() {
        int[] exercised = new int[2];
        // QuickTheories takes four sources: month and day share one, fraction digits, sign and offset another.
        qt().withExamples(30_000).forAll(integers().between(1990, 2100), integers().between(0, 12 * 31 - 1),
                        integers().between(0, 86_399), integers().between(0, 10 * 3 * 900 - 1))
                .checkAssert((year, monthDay, second, shape) -> {
                    int month = monthDay / 31 + 1;
                    int day = monthDay % 31 + 1;
                    int fractionDigits = shape % 10;
                    int sign = shape / 10 % 3 - 1;
                    int offsetMinutes = shape / 30;
                    String fraction = fractionDigits == 0 ? "" : "." + String.valueOf(Math.abs((long) second * 7919 + day * 104729L)).repeat(3)
                            .substring(0, fractionDigits);
                    String offset = sign == 0 || (sign < 0 && offsetMinutes == 0) ? "Z"
                            : String.format("%s%02d:%02d", sign < 0 ? "-" : "+", offsetMinutes / 60, offsetMinutes % 60);
                    String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", year, month, day, second / 3600, second / 60 % 60, second % 60,
                            fraction, offset);
                    assertTrue(ADMITTED.matcher(text).matches(), text);
                    OffsetDateTime expected;
                    try {
                        expected = OffsetDateTime.parse(text);
                    } catch (DateTimeException e) {
                        expected = null;
                    }
                    OffsetDateTime got;
                    try {
                        got = ClaimReader.rfc3339(text);
                    } catch (DateTimeException e) {
                        got = null;
                    }
                    assertEquals(expected, got, text);
                    if (expected != null) assertEquals(expected.getOffset(), got.getOffset(), text);
                    exercised[expected == null ? 1 : 0]++;
                });
        // Both sides were tried: real dates and days a month does not have.
        assertTrue(exercised[0] > 1_000 && exercised[1] > 100, "real " + exercised[0] + ", impossible " + exercised[1]);
    }
}
