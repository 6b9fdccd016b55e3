package io.bosang.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.json.Json;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a realistic synthetic corpus of claims about the Kakao outage of 15 Oct 2022, as NDJSON, streaming (a
 * million claims need no more memory than ten). Deterministic: the same count and seed give the same bytes; no
 * wall clock is read.
 *
 * <p>The mix follows the reported intake (k1015-sb-intake): 79.8% general users (of whom about a fifth
 * claim about a paid service and some are platform workers), 20% small businesses (food 27%, services 21%,
 * transport 21%, retail 19%), 0.2% mid/large companies. About 1% of records are bad on purpose (broken JSON, an
 * unknown enum, a negative fee, a missing field) and 0.5% repeat an earlier claim under a new id; small-business
 * losses sometimes sit exactly on a tier boundary.
 */
public final class KakaoClaimsGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String INCIDENT = "kakao-2022-10-15";
    private static final String[] FREE = {"kakaotalk", "kakaotalk", "kakaotalk", "kakaotalk", "kakao-map", "daum", "kakao-mail",
            "daum-mail", "kakao-transit", "kakao-login", "kakao-pay", "kakao-gift"};
    private static final Object[][] PAID = {
            {"kakao-webtoon", "webtoon-pass", 4_900L}, {"melon", "streaming-club", 10_900L}, {"emoticon-plus", "emoticon-plus", 4_900L},
            {"talk-drawer-plus", "talk-drawer-plus", 1_900L}, {"kakao-page", "page-rental", 3_000L}, {"kakao-tv", "vod", 5_500L},
            {"kakao-games-mobile", "game-pass", 9_900L}, {"kakao-games-pc", "game-pass", 9_900L}};
    private static final String[][] INDUSTRIES = {{"FOOD", "27"}, {"SERVICES", "21"}, {"TRANSPORT", "21"}, {"RETAIL", "19"},
            {"PROFESSIONAL", "5"}, {"ACCOMMODATION", "4"}, {"MANUFACTURING", "3"}};

    private KakaoClaimsGenerator() {
    }

    /** Writes {@code count} claims generated from {@code seed} to {@code out}, one JSON object per line. */
    public static void write(long count, long seed, Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode previous = null;
        for (long i = 1; i <= count; i++) {
            String id = String.format(Locale.ROOT, "K-%07d", i);
            double roll = random.nextDouble();
            if (roll < 0.003) {
                out.write("{\"id\":\"" + id + "\",\"incident\":\"" + INCIDENT + "\",\"claimant\":{\"kind\":\"CONSUMER\"\n");
                continue;
            }
            ObjectNode claim;
            if (roll < 0.008 && previous != null) {
                claim = previous.deepCopy();          // the same claim submitted again under a new id
            } else {
                claim = claim(id, random);
                previous = claim;
            }
            claim.put("id", id);
            if (roll >= 0.008 && roll < 0.011) claim.with("claimant").put("kind", "TAXI_DRIVER");
            if (roll >= 0.011 && roll < 0.013) claim.remove("filedAt");
            if (roll >= 0.013 && roll < 0.015 && claim.has("subscription")) claim.with("subscription").put("monthlyFeeKrw", -claim.get("subscription").get("monthlyFeeKrw").asLong());
            out.write(Json.line(claim));
            out.write('\n');
        }
        out.flush();
    }

    private static ObjectNode claim(String id, SplittableRandom r) {
        double kind = r.nextDouble();
        if (kind < 0.002) return midLarge(id, r);
        if (kind < 0.202) return smallBusiness(id, r);
        if (kind < 0.230) return platformWorker(id, r);
        if (kind < 0.400) return paidUser(id, r);
        return freeUser(id, r);
    }

    private static ObjectNode base(String id, String service, String kind, String harm, OffsetDateTime filed, SplittableRandom r) {
        ObjectNode c = F.objectNode();
        c.put("id", id);
        c.put("incident", INCIDENT);
        c.put("service", service);
        ObjectNode claimant = c.putObject("claimant");
        claimant.put("id", "U-" + id.substring(2));
        claimant.put("kind", kind);
        claimant.put("phoneCountry", r.nextInt(100) < 98 ? "KR" : pick(r, "US", "JP", "VN", "CA"));
        c.put("harm", harm);
        c.put("filedAt", Json.dateTime(filed));
        return c;
    }

    private static ObjectNode freeUser(String id, SplittableRandom r) {
        // most free users claimed the heart package in Jan 2023; some only filed a report in Oct-Nov 2022
        OffsetDateTime filed = r.nextInt(100) < 85 ? at("2023-01-05T08:30:00+09:00", r, 15 * 24 * 60)
                : at("2022-10-19T09:00:00+09:00", r, 18 * 24 * 60);
        String harm = r.nextInt(100) < 8 ? "DISTRESS" : "SERVICE_UNAVAILABLE";
        ObjectNode c = base(id, FREE[r.nextInt(FREE.length)], "CONSUMER", harm, filed, r);
        if (harm.equals("DISTRESS")) c.putObject("declared").put("claimed_consolation", 1_000_000);
        return c;
    }

    private static ObjectNode paidUser(String id, SplittableRandom r) {
        Object[] svc = PAID[r.nextInt(PAID.length)];
        ObjectNode c = base(id, (String) svc[0], "CONSUMER", "SERVICE_UNAVAILABLE", at("2022-10-19T09:00:00+09:00", r, 18 * 24 * 60), r);
        ObjectNode s = c.putObject("subscription");
        s.put("plan", (String) svc[1]);
        s.put("monthlyFeeKrw", (Long) svc[2]);
        s.put("billing", r.nextInt(100) < 30 ? "APP_STORE_IN_APP" : "DIRECT");
        s.put("start", Json.dateTime(at("2022-09-16T00:00:00+09:00", r, 29 * 24 * 60)));
        if (svc[0].equals("melon") && r.nextInt(100) < 10) s.put("end", "2022-10-16T00:00:00+09:00"); // pass ending on 15 Oct
        if (svc[0].equals("kakao-webtoon") && r.nextInt(100) < 30) c.putObject("usage").put("webtoon_rentals_in_window", 1 + r.nextInt(4));
        return c;
    }

    private static ObjectNode platformWorker(String id, SplittableRandom r) {
        int which = r.nextInt(4);
        String[] services = {"kakao-t-pro-membership", "kakao-t-chauffeur-pro", "kakao-t-chauffeur", "kakao-t-blue"};
        ObjectNode c = base(id, services[which], "PLATFORM_WORKER", "LOST_INCOME", at("2022-10-19T09:00:00+09:00", r, 18 * 24 * 60), r);
        if (which < 2) {
            ObjectNode s = c.putObject("subscription");
            s.put("plan", which == 0 ? "pro-membership" : "chauffeur-pro");
            s.put("monthlyFeeKrw", which == 0 ? 39_000 : 22_000);
            s.put("start", Json.dateTime(at("2022-09-01T00:00:00+09:00", r, 40 * 24 * 60)));
        } else if (which == 2) {
            ObjectNode u = c.putObject("usage");
            u.put("saturdays_with_drives", r.nextInt(16));
            u.put("december_subsidy_nights", r.nextInt(3));
        } else {
            c.putObject("declared").put("street_hail_fares", 1_000L * r.nextInt(150));
        }
        return c;
    }

    private static ObjectNode smallBusiness(String id, SplittableRandom r) {
        int window = r.nextInt(100);
        OffsetDateTime filed = window < 85 ? at("2022-10-19T09:00:00+09:00", r, 18 * 24 * 60)
                : window < 95 ? at("2023-02-13T09:00:00+09:00", r, 14 * 24 * 60) : at("2022-12-01T09:00:00+09:00", r, 30 * 24 * 60);
        String service = pick(r, "talk-channel", "talk-channel", "kakao-gift", "kakao-map", "kakao-pay", "kakaotalk", "kakao-t-taxi");
        ObjectNode c = base(id, service, "SMALL_BUSINESS", "LOST_SALES", filed, r);
        String industry = industry(r);
        ObjectNode b = c.with("claimant").putObject("business");
        b.put("industry", industry);
        b.put("annualRevenueKrw", 10_000_000L * (5 + r.nextInt(r.nextInt(100) < 95 ? 100 : 400)));
        b.put("employees", r.nextInt(r.nextInt(100) < 90 ? 5 : 12));
        b.put("registrationNumber", String.format(Locale.ROOT, "%03d-%02d-%05d", 100 + r.nextInt(900), r.nextInt(100), r.nextInt(100_000)));
        long reference = 10_000L * (50 + r.nextInt(950));
        long loss;
        int shape = r.nextInt(100);
        if (shape < 3) loss = 300_000;                       // exactly on a tier boundary
        else if (shape < 6) loss = 500_000;
        else if (shape < 8) loss = 300_001;
        else loss = Math.min(reference, 1_000L * (long) (r.nextDouble() * r.nextDouble() * 1_500));
        ObjectNode d = c.putObject("declared");
        d.put("reference_week_sales", reference + (loss > reference ? loss - reference : 0));
        d.put("outage_week_sales", reference + (loss > reference ? loss - reference : 0) - loss);
        ArrayNode ev = c.putArray("evidence");
        String[] docs = {"SMALL_BUSINESS_CERTIFICATE", "SALES_RECORD", "PROOF_OF_USE", "BANK_ACCOUNT"};
        boolean complete = r.nextInt(100) < 85;
        for (int k = 0; k < docs.length; k++) {
            if (complete || r.nextBoolean()) ev.addObject().put("kind", docs[k]).put("reference", "doc-" + id.substring(2) + "-" + k);
        }
        return c;
    }

    private static ObjectNode midLarge(String id, SplittableRandom r) {
        ObjectNode c = base(id, pick(r, "kakao-pay", "talk-channel", "kakao-gift"), "MID_LARGE_BUSINESS", "LOST_SALES",
                at("2022-10-19T09:00:00+09:00", r, 18 * 24 * 60), r);
        ObjectNode b = c.with("claimant").putObject("business");
        b.put("industry", industry(r));
        b.put("annualRevenueKrw", 1_000_000_000L * (20 + r.nextInt(500)));
        b.put("employees", 50 + r.nextInt(2000));
        ObjectNode d = c.putObject("declared");
        long ref = 1_000_000L * (10 + r.nextInt(500));
        d.put("reference_week_sales", ref);
        d.put("outage_week_sales", ref - ref / (2 + r.nextInt(8)));
        return c;
    }

    private static String industry(SplittableRandom r) {
        int x = r.nextInt(100);
        int acc = 0;
        for (String[] row : INDUSTRIES) {
            acc += Integer.parseInt(row[1]);
            if (x < acc) return row[0];
        }
        return "OTHER";
    }

    private static OffsetDateTime at(String from, SplittableRandom r, int spreadMinutes) {
        return OffsetDateTime.parse(from).plusMinutes(r.nextInt(spreadMinutes));
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
