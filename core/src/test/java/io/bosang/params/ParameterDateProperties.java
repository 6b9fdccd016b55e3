package io.bosang.params;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/** {@link ParameterValue#date()} reads by position, and must agree with {@link LocalDate#parse} on every text. */
class ParameterDateProperties {
    private static ParameterValue value(String text) {
        return new ParameterValue("p", text, "date", LocalDate.of(2022, 1, 1), "");
    }

    private static String parsed(String text) {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeException e) {
            return "error";
        }
    }

    private static String read(String text) {
        try {
            return value(text).date().toString();
        } catch (DateTimeException e) {
            return "error";
        }
    }

    @Test
    void agreesWithLocalDateParseOnDatesNearAndPastTheEdges() {
        qt().forAll(integers().between(-5, 10_005), integers().between(-1, 13), integers().between(-1, 32))
                .checkAssert((y, m, d) -> {
                    String text = String.format("%04d-%02d-%02d", y, m, d);
                    assertEquals(parsed(text), read(text), text);
                });
    }

    @Test
    void agreesWithLocalDateParseOnArbitraryTenCharacterText() {
        qt().forAll(strings().betweenCodePoints('+', ':').ofLength(10))
                .checkAssert(text -> assertEquals(parsed(text), read(text), text));
    }

    @Test
    void leapDaysAndTheEndsOfMonths() {
        assertEquals(LocalDate.of(2024, 2, 29), value("2024-02-29").date());
        assertEquals("error", read("2023-02-29"));
        assertEquals(LocalDate.of(2022, 10, 31), value("2022-10-31").date());
        assertEquals("error", read("2022-11-31"));
    }
}
