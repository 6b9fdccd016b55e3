package io.bosang.rules;

import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The outage measure against brute force: every minute of the generated windows is listed, at its most severe
 * level, and counted per KST day and month. Windows overlap at random, mix severities, cross the end of October in
 * KST (the anchor is 31 Oct 2022 20:00 KST, so windows run from 29 Oct into 3 Nov) and are written in offsets from
 * -12:00 to +14:00, so neither a double-counted overlap, nor a partial minute counted as full, nor a day boundary of
 * the file's offset can hide.
 */
class ServiceOutageProperties {
    static final OffsetDateTime ANCHOR = OffsetDateTime.parse("2022-10-31T20:00:00+09:00");
    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(9), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12), ZoneOffset.ofHoursMinutes(5, 30));
    static final PolicyCalendar KST = PolicyCalendar.SEOUL;
    static final Set<Severity> FULL_ONLY = EnumSet.of(Severity.FULL);
    static final Set<Severity> BOTH = EnumSet.of(Severity.FULL, Severity.PARTIAL);

    /** A window: minutes from the anchor, length, severity and the offset it is written in. */
    record W(int from, int length, boolean partial, int offset) {
        Disruption disruption() {
            ZoneOffset z = OFFSETS.get(offset);
            OffsetDateTime s = ANCHOR.plusMinutes(from).withOffsetSameInstant(z);
            return new Disruption("svc", s, s.plusMinutes(length), partial ? Severity.PARTIAL : Severity.FULL,
                    EndBasis.REPORTED, "generated");
        }
    }

    static Gen<W> window() {
        return integers().between(-3 * 24 * 60, 2 * 24 * 60)
                .zip(integers().between(1, 40 * 60), integers().between(0, 2), integers().between(0, OFFSETS.size() - 1),
                        (from, length, sev, off) -> new W(from, length, sev == 0, off));
    }

    static Incident incident(List<W> ws) {
        List<Disruption> ds = new ArrayList<>();
        for (W w : ws) ds.add(w.disruption());
        return new Incident("gen", new Operator("example", "Example Co."), "", "", FaultPosition.ORDINARY_NEGLIGENCE, "",
                ANCHOR, null, List.of(new Service("svc", "Service", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION)),
                ds, List.of());
    }

    /** Minute (from the anchor) → most severe level covering it. */
    static Map<Integer, Severity> bruteForce(List<W> ws) {
        Map<Integer, Severity> level = new HashMap<>();
        for (W w : ws) {
            Severity s = w.partial ? Severity.PARTIAL : Severity.FULL;
            for (int m = w.from; m < w.from + w.length; m++) {
                level.merge(m, s, (a, b) -> a == Severity.FULL || b == Severity.FULL ? Severity.FULL : Severity.PARTIAL);
            }
        }
        return level;
    }

    @Test
    void mergedMinutesEqualTheBruteForceUnionPerSeverityInKstDaysAndMonths() {
        qt().withExamples(300).forAll(lists().of(window()).ofSizeBetween(0, 6)).checkAssert(ws -> {
            Incident incident = incident(ws);
            Map<Integer, Severity> minutes = bruteForce(ws);
            for (Set<Severity> counted : List.of(FULL_ONLY, BOTH)) {
                ServiceOutage o = ServiceOutage.of(incident, "svc", KST, counted);
                long full = minutes.values().stream().filter(s -> s == Severity.FULL).count();
                long partial = minutes.values().stream().filter(s -> s == Severity.PARTIAL).count();
                boolean withPartial = counted.contains(Severity.PARTIAL);
                assertEquals(full, o.fullMinutes(), "full minutes, each once");
                assertEquals(withPartial ? partial : 0, o.partialMinutes(), "partial minutes not under a full one");
                assertEquals(full + (withPartial ? partial : 0), o.totalMinutes(), "counted minutes");
                assertEquals(withPartial ? 0 : partial, o.uncountedMinutes(), "minutes at a severity not counted");

                Map<LocalDate, Long> perDay = new TreeMap<>();
                Map<YearMonth, Long> perMonth = new TreeMap<>();
                minutes.forEach((m, s) -> {
                    if (s == Severity.PARTIAL && !withPartial) return;
                    LocalDate day = ANCHOR.plusMinutes(m).atZoneSameInstant(KST.zone()).toLocalDate();
                    perDay.merge(day, 1L, Long::sum);
                    perMonth.merge(YearMonth.from(day), 1L, Long::sum);
                });
                assertEquals(perDay, o.perDayMinutes(), "minutes per KST day");
                assertEquals(perMonth, o.perMonthMinutes(), "minutes per KST month");
                assertEquals(perDay.values().stream().mapToLong(Long::longValue).max().orElse(0), o.maxDayMinutes());
                assertEquals(perMonth.values().stream().mapToLong(Long::longValue).max().orElse(0), o.maxMonthMinutes());
                assertEquals(perDay.size(), o.daysTouched());

                // The merged windows are disjoint, sorted, each at one level, and say which severities they count.
                long sum = 0;
                for (int i = 0; i < o.windows().size(); i++) {
                    Disruption d = o.windows().get(i);
                    assertTrue(withPartial || d.severity() == Severity.FULL, "an uncounted severity among the windows");
                    assertEquals(KST.zone().getRules().getOffset(d.start().toInstant()), d.start().getOffset(), "window in KST");
                    if (i > 0) assertTrue(!d.start().isBefore(o.windows().get(i - 1).end()), "windows overlap after merging");
                    sum += Duration.between(d.start(), d.end()).toMinutes();
                }
                assertEquals(o.totalMinutes(), sum, "the windows hold exactly the counted minutes");
            }
        });
    }

    @Test
    void theSameInstantsInAnyOffsetMeasureTheSame() {
        qt().withExamples(200).forAll(lists().of(window()).ofSizeBetween(1, 5), integers().between(0, OFFSETS.size() - 1))
                .checkAssert((ws, offset) -> {
                    List<W> rewritten = ws.stream().map(w -> new W(w.from, w.length, w.partial, offset)).toList();
                    for (Set<Severity> counted : List.of(FULL_ONLY, BOTH)) {
                        ServiceOutage a = ServiceOutage.of(incident(ws), "svc", KST, counted);
                        ServiceOutage b = ServiceOutage.of(incident(rewritten), "svc", KST, counted);
                        assertEquals(a, b);
                        assertEquals(a.describe(), b.describe());
                    }
                });
    }

    @Test
    void twoOverlappingSixHourStoppagesAreSixHoursNotEight() {
        // 15:30-19:30 and 17:30-21:30 KST: 6 h of stoppage; summed raw they were 8 h.
        Incident i = incident(List.of(new W(-270, 240, false, 1), new W(-150, 240, false, 0)));
        ServiceOutage o = ServiceOutage.of(i, "svc", KST, FULL_ONLY);
        assertEquals(6 * 60, o.totalMinutes());
        assertEquals(6 * 60, o.fullMinutes());
        assertEquals("2 windows merged: 31 Oct 15:30–21:30 KST (full)", o.describe());
    }

    @Test
    void aPartialWindowUnderAFullOneCountsOnceAtFullAndTheRestAsPartial() {
        // full 20:00-23:00, partial 22:00-02:00 (crosses 1 Nov in KST): 3 h full, 3 h partial, split 4 h Oct / 2 h Nov.
        Incident i = incident(List.of(new W(0, 180, false, 0), new W(120, 240, true, 2)));
        ServiceOutage both = ServiceOutage.of(i, "svc", KST, BOTH);
        assertEquals(180, both.fullMinutes());
        assertEquals(180, both.partialMinutes());
        assertEquals(Map.of(YearMonth.of(2022, 10), 240L, YearMonth.of(2022, 11), 120L), both.perMonthMinutes());
        assertEquals("2 windows: 31 Oct 20:00–23:00 KST (full), 31 Oct 23:00–1 Nov 02:00 KST (partial)", both.describe());
        ServiceOutage full = ServiceOutage.of(i, "svc", KST, FULL_ONLY);
        assertEquals(180, full.totalMinutes());
        assertEquals(180, full.uncountedMinutes());
        assertEquals(Map.of(YearMonth.of(2022, 10), 180L), full.perMonthMinutes(), "the partial hours never reach the month");
        assertEquals("1 window: 31 Oct 20:00–23:00 KST (full); not counted: 3 h of partial service", full.describe());
    }

    @Test
    void anEndNobodyReportedIsNamedInTheDescription() {
        OffsetDateTime s = ANCHOR;
        Incident i = new Incident("gen", new Operator("example", "Example Co."), "", "", FaultPosition.ORDINARY_NEGLIGENCE, "", s,
                null, List.of(new Service("svc", "Service", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION)),
                List.of(new Disruption("svc", s, s.plusHours(3), Severity.FULL, EndBasis.INFERRED, "still recovering at 23:00"),
                        new Disruption("svc", s.plusHours(3), s.plusHours(5), Severity.PARTIAL, EndBasis.ASSUMED, "01:00 assumed")),
                List.of());
        ServiceOutage o = ServiceOutage.of(i, "svc", KST, BOTH);
        assertTrue(o.restsOnUncertainEnd());
        assertEquals(List.of("full to 31 Oct 23:00 KST (end inferred)", "partial to 1 Nov 01:00 KST (end assumed)"), o.uncertainEnds());
        assertTrue(o.describe().endsWith("; end not reported: full to 31 Oct 23:00 KST (end inferred), partial to 1 Nov 01:00 KST (end assumed)"),
                o.describe());
        ServiceOutage full = ServiceOutage.of(i, "svc", KST, FULL_ONLY);
        assertEquals(List.of("full to 31 Oct 23:00 KST (end inferred)"), full.uncertainEnds(), "only counted windows matter");
    }
}
