package io.bosang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.bosang.cli.AssessCommandTest.bosang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bosang sources lists the registry; explain and compare render what they cite in full, in English and Korean. */
class SourcesCommandTest {
    static final Path SAMPLE = Path.of("../samples/kakao-2022-10-15-claims.ndjson");

    @Test
    void theRegistryIsListedInFullAndAPolicysSourcesNameWhatCitesThem() throws Exception {
        AssessCommandTest.Run all = bosang("sources");
        assertEquals(BosangCli.OK, all.code(), all.err());
        assertTrue(all.out().contains("[tba] Telecommunications Business Act — statute, National Assembly"), all.out());
        assertTrue(all.out().contains("[cupg] Content User Protection Guidelines — guideline, Ministry of Culture, Sports and Tourism, 2012, https://"), all.out());
        assertTrue(all.out().contains("paraphrase (en): "), all.out());

        AssessCommandTest.Run ko = bosang("sources", "--policy", "skt-2018-04-06", "--lang", "ko");
        assertEquals(BosangCli.OK, ko.code(), ko.err());
        assertTrue(ko.out().contains("[skt-2018-compensation] "), ko.out());
        assertTrue(ko.out().contains("보상안, SK텔레콤"), ko.out());
        assertTrue(ko.out().contains("인용: parameter day_base_days (2018-04-06), parameter days_of_fee (2018-04-06), policy.yaml, rule SKT18-01"), ko.out());
        assertFalse(ko.out().contains("[tba]"), "skt-2018-04-06 does not cite the Act: " + ko.out());

        AssessCommandTest.Run json = bosang("sources", "--policy", "skt-2018-04-06", "--json");
        List<JsonNode> rows = json.records();
        assertEquals(6, rows.size(), json.out());
        for (JsonNode r : rows) {
            assertFalse(r.path("source").path("title").path("ko").asText().isEmpty(), r.toString());
            assertFalse(r.path("citedBy").isEmpty(), r.toString());
        }
        assertEquals(BosangCli.USAGE, bosang("sources", "--lang", "fr").code());
    }

    @Test
    void explainInKoreanEndsWithEveryCitedSourceInFullAndSaysWhatIsAssumed() {
        AssessCommandTest.Run ko = bosang("explain", "--policy", "kakao-1015-2022", "--lang", "ko", "--id", "K-0022", SAMPLE.toString());
        assertEquals(BosangCli.OK, ko.code(), ko.err());
        int sources = ko.out().indexOf("인용 출처:");
        assertTrue(sources > 0, ko.out());
        assertTrue(ko.out().contains("출처: "), ko.out());
        assertTrue(ko.out().substring(sources).contains("— 보상안, "), ko.out());
        assertTrue(ko.out().contains("공식") || ko.out().contains("가정") || ko.out().contains("보도"), ko.out());
    }

    @Test
    void compareCountsWhatRestsOnAssumedValuesAndListsEachPolicysSources() {
        AssessCommandTest.Run r = bosang("compare", "--policies", "kakao-1015-2022,content-user-protection", "--rows", "3", SAMPLE.toString());
        assertEquals(BosangCli.OK, r.code(), r.err());
        assertTrue(r.out().contains("on assumed KRW"), r.out());
        assertTrue(r.out().contains("Sources each policy stands on:"), r.out());
        assertTrue(r.out().contains("[cupg] Content User Protection Guidelines — guideline"), r.out());
        assertTrue(r.out().contains("콘텐츠이용자보호지침 — 지침·고시, 문화체육관광부"), r.out());
    }
}
