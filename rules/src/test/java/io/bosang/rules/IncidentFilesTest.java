package io.bosang.rules;

import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.incident.IncidentCatalog;
import io.bosang.domain.Operator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped incident files as the research reads them: operators by id, every window's end basis, and the rows of
 * the Kakao outage that were re-read for issue 10.
 */
class IncidentFilesTest {
    static IncidentCatalog incidents;
    static Incident kakao;

    @BeforeAll
    static void load() throws Exception {
        incidents = IncidentCatalog.classpath();
        kakao = incidents.find("kakao-2022-10-15").orElseThrow();
    }

    static List<Disruption> windows(String service) {
        return kakao.disruptionsOf(service);
    }

    static OffsetDateTime kst(String local) {
        return OffsetDateTime.parse(local + ":00+09:00");
    }

    @Test
    void everyShippedIncidentNamesItsOperatorById() {
        Map<String, String> want = Map.of("kakao-2022-10-15", "kakao", "kt-2021-10-25", "kt", "lgu-2023-ddos", "lgu", "skt-2014-03-20", "skt");
        assertEquals(want.keySet(), new java.util.TreeSet<>(incidents.ids()).stream().collect(java.util.stream.Collectors.toSet()));
        for (Incident i : incidents.all()) {
            assertTrue(Operator.ID.matcher(i.operator().id()).matches());
            assertEquals(want.get(i.id()), i.operator().id(), i.id());
            assertFalse(i.operator().name().isBlank(), i.id());
        }
    }

    @Test
    void everyWindowSaysHowItsEndIsKnownAndNamesASource() {
        for (Incident i : incidents.all()) {
            for (Disruption d : i.disruptions()) {
                assertFalse(d.source().isBlank(), i.id() + " " + d.serviceId() + " has no source");
                if (d.endBasis() == EndBasis.ASSUMED) {
                    assertTrue(d.source().contains("assumed") || d.source().contains("taken") || d.source().contains("placeholder"),
                            i.id() + " " + d.serviceId() + ": an assumed end says what was assumed: " + d.source());
                }
            }
        }
    }

    @Test
    void kakaoMapWasPartialAt0800On16Oct() {
        List<Disruption> map = windows("kakao-map");
        assertEquals(Severity.FULL, map.get(0).severity());
        assertEquals(kst("2022-10-16T08:00"), map.get(0).end());
        assertEquals(EndBasis.INFERRED, map.get(0).endBasis());
        assertEquals(Severity.PARTIAL, map.get(1).severity());
        assertEquals(kst("2022-10-16T08:00"), map.get(1).start());
    }

    @Test
    void talkChannelWasStillRecoveringThatIsPartialFrom2130On16OctUntil19Oct() {
        List<Disruption> tc = windows("talk-channel");
        assertEquals(kst("2022-10-16T21:30"), tc.get(0).end());
        assertEquals(EndBasis.INFERRED, tc.get(0).endBasis());
        assertEquals(Severity.PARTIAL, tc.get(1).severity());
        assertEquals(kst("2022-10-19T09:00"), tc.get(1).end());
        assertEquals(EndBasis.ASSUMED, tc.get(1).endBasis());
    }

    @Test
    void kakaoPagesFullStoppageIsInferredAndKakaoBusHasNoReportedEnd() {
        Disruption page = windows("kakao-page").get(0);
        assertEquals(Severity.FULL, page.severity());
        assertEquals(EndBasis.INFERRED, page.endBasis());
        assertTrue(page.source().contains("inferred"), page.source());
        assertEquals(EndBasis.REPORTED, windows("kakao-subway").get(0).endBasis());
        assertEquals(EndBasis.ASSUMED, windows("kakao-bus").get(0).endBasis());
        assertEquals(EndBasis.ASSUMED, windows("kakao-transit").get(0).endBasis(), "either app ends when Kakao Bus does");
    }

    @Test
    void aMeasureThatRestsOnAnInferredEndSaysSo() {
        ServiceOutage o = ServiceOutage.of(kakao, "talk-channel", PolicyCalendar.SEOUL, EnumSet.of(Severity.FULL));
        assertEquals(30 * 60, o.totalMinutes(), "15:30 on 15 Oct to 21:30 on 16 Oct");
        assertEquals(List.of("full to 16 Oct 21:30 KST (end inferred)"), o.uncertainEnds());
        assertTrue(o.describe().contains("not counted: 59 h 30 min of partial service"), o.describe());
    }
}
