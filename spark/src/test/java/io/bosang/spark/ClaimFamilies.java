package io.bosang.spark;

import io.bosang.sample.KakaoClaimsGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test corpus: generated Kakao claims with families of claims that settlement must relate spread through it, and
 * the input quirks a claims file has (byte-order mark, blank lines, a record that is an array, no final line feed).
 */
final class ClaimFamilies {
    private ClaimFamilies() {
    }

    static final String HEART_WINDOW = "2023-01-06T09:00:00+09:00";

    static String free(String id, String claimant, String service) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"" + service + "\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"SERVICE_UNAVAILABLE\",\"filedAt\":\"" + HEART_WINDOW + "\"}";
    }

    static String webtoon(String id, String claimant, String harm) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"kakao-webtoon\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"" + harm + "\",\"filedAt\":\"2022-10-20T09:00:00+09:00\","
                + "\"subscription\":{\"plan\":\"webtoon-pass\",\"monthlyFeeKrw\":4900,\"billing\":\"DIRECT\",\"start\":\"2022-09-20T00:00:00+09:00\"}}";
    }

    static String shop(String id, String claimant, String registration, String service) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"" + service + "\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"SMALL_BUSINESS\",\"phoneCountry\":\"KR\",\"business\":{\"industry\":\"FOOD\",\"annualRevenueKrw\":300000000,"
                + "\"employees\":3,\"registrationNumber\":\"" + registration + "\"}},\"harm\":\"LOST_SALES\",\"filedAt\":\"2022-11-01T10:00:00+09:00\","
                + "\"declared\":{\"outage_week_sales\":2000000,\"reference_week_sales\":3000000},\"evidence\":["
                + "{\"kind\":\"SMALL_BUSINESS_CERTIFICATE\",\"reference\":\"d-0\"},{\"kind\":\"SALES_RECORD\",\"reference\":\"d-1\"},"
                + "{\"kind\":\"PROOF_OF_USE\",\"reference\":\"d-2\"},{\"kind\":\"BANK_ACCOUNT\",\"reference\":\"d-3\"}]}";
    }

    /** Families, each a group of lines placed together at some point of the corpus. */
    static List<List<String>> families() {
        return List.of(
                // one claimant, several harms on one subscription: one extension of the subscription
                List.of(webtoon("F1-a", "FAM-1", "SERVICE_UNAVAILABLE"), webtoon("F1-b", "FAM-1", "DATA_LOSS"), webtoon("F1-c", "fam-1", "EXTRA_COST")),
                // spellings of one claimant: one heart package; the third repeats the first's content
                List.of(free("V-1", "DU-5", "kakaotalk"), free("V-2", "du-5", "kakao-map"), free("V-3", "ＤＵ－５", "kakaotalk")),
                // spellings of one claim id under different claimants: duplicates by id
                List.of(free("DUP-7", "X-1", "kakaotalk"), free("dup-7", "X-2", "daum"), free("ＤＵＰ－７", "X-3", "kakao-mail")),
                // one business (two spellings of its registration number, two logins) with two claims: one tier
                List.of(shop("B-1", "BIZ-1", "123-45-99999", "talk-channel"), shop("B-2", "BIZ-1-other", "1234599999", "kakao-gift")),
                // a duplicate by content holds its own new id: a later claim with that id repeats it, not the first
                List.of(free("H-1", "HC-1", "kakaotalk"), free("H-2", "HC-1", "kakaotalk"), free("h-2", "HC-2", "daum")),
                // a rejected record holds nothing: the same id later is assessed
                List.of(free("R-1", "RC-1", "kakaotalk").replace("\"CONSUMER\"", "\"ROBOT\""), free("R-1", "RC-1", "kakaotalk")),
                // records that are not claims, and lines that are not records
                List.of("[1,2]", "   ", "{}", "\t", "{\"id\":\"BROKEN-1\",\"incident\":"));
    }

    /**
     * {@code generated} claims from {@code seed} with the families spread through them; claimant EARLY-1 first and
     * again at the end (granted the limited pass, then told so), LATE-1 twice at the end (after the pool ran out).
     */
    static String corpus(int generated, long seed) {
        StringWriter w = new StringWriter();
        try {
            KakaoClaimsGenerator.write(generated, seed, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> gen = List.of(w.toString().split("\n"));
        List<List<String>> families = families();
        int every = Math.max(1, gen.size() / (families.size() + 1));
        List<String> out = new ArrayList<>();
        out.add("\uFEFF" + free("E-1", "EARLY-1", "kakaotalk"));
        out.add("");
        for (int i = 0; i < gen.size(); i++) {
            out.add(gen.get(i));
            int f = i / every;
            if (i % every == every - 1 && f < families.size()) out.addAll(families.get(f));
        }
        out.add(free("E-2", "EARLY-1", "kakao-map"));
        out.add(free("L-1", "LATE-1", "kakaotalk"));
        out.add(free("L-2", "LATE-1", "daum"));
        return String.join("\n", out);   // no line feed after the last record
    }
}
