package io.bosang.ledger;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.bosang.result.Assessment;
import io.bosang.sample.KakaoClaimsGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Claims for the ledger tests: the generated Kakao corpus and hand-made families of one claimant. */
final class Corpus {
    static final IncidentCatalog INCIDENTS;
    static final ClaimReader READER;

    static {
        try {
            INCIDENTS = IncidentCatalog.classpath();
        } catch (PolicyBuildException e) {
            throw new IllegalStateException(e);
        }
        READER = new ClaimReader(INCIDENTS);
    }

    private Corpus() {
    }

    static List<String> generated(long count, long seed) {
        StringWriter w = new StringWriter();
        try {
            KakaoClaimsGenerator.write(count, seed, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().lines().filter(l -> !l.isBlank()).toList();
    }

    static String consumer(String id, String claimant, String service, String harm) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"" + service + "\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"" + harm + "\",\"filedAt\":\"2023-01-06T09:00:00+09:00\"}";
    }

    static String webtoonSubscriber(String id, String claimant, String harm) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"kakao-webtoon\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"" + harm + "\",\"filedAt\":\"2022-10-25T10:00:00+09:00\","
                + "\"subscription\":{\"plan\":\"webtoon-pass\",\"monthlyFeeKrw\":4900,\"billing\":\"DIRECT\",\"start\":\"2022-10-01T00:00:00+09:00\"}}";
    }

    static String smallBusiness(String id, String claimant, String registration, long reference, long outage) {
        return "{\"id\":\"" + id + "\",\"incident\":\"kakao-2022-10-15\",\"service\":\"talk-channel\",\"claimant\":{\"id\":\"" + claimant
                + "\",\"kind\":\"SMALL_BUSINESS\",\"phoneCountry\":\"KR\",\"business\":{\"industry\":\"FOOD\",\"annualRevenueKrw\":300000000,"
                + "\"employees\":3,\"registrationNumber\":\"" + registration + "\"}},\"harm\":\"LOST_SALES\",\"filedAt\":\"2022-11-01T10:00:00+09:00\","
                + "\"declared\":{\"outage_week_sales\":" + outage + ",\"reference_week_sales\":" + reference + "},"
                + "\"evidence\":[{\"kind\":\"SMALL_BUSINESS_CERTIFICATE\",\"reference\":\"d0\"},{\"kind\":\"SALES_RECORD\",\"reference\":\"d1\"},"
                + "{\"kind\":\"PROOF_OF_USE\",\"reference\":\"d2\"},{\"kind\":\"BANK_ACCOUNT\",\"reference\":\"d3\"}]}";
    }

    /**
     * Families of one claimant: one subscription claimed with several harms and through the same service again; a
     * claim id written four ways (one a true replay, the others the same id with other content); one business by two
     * logins and two spellings of its registration number; a resubmission under a new id; free users enough to run
     * a small pool dry.
     */
    static List<String> families() {
        List<String> f = new ArrayList<>();
        f.add(webtoonSubscriber("F-SUB-1", "FAM-U1", "SERVICE_UNAVAILABLE"));
        f.add(webtoonSubscriber("F-SUB-2", "FAM-U1", "DATA_LOSS"));
        f.add(webtoonSubscriber("F-SUB-3", "fam-u1 ", "LOST_SALES"));
        f.add(consumer("F-ID-1", "FAM-U2", "kakaotalk", "SERVICE_UNAVAILABLE"));
        f.add(consumer("f-id-1", "FAM-U2", "kakaotalk", "SERVICE_UNAVAILABLE"));          // same id, same content: a replay
        f.add(consumer(" F\u2013ID\u20131 ", "FAM-U2", "kakao-map", "SERVICE_UNAVAILABLE")); // same id, other service: a conflict
        f.add(consumer("Ｆ－ＩＤ－１", "FAM-U3", "kakaotalk", "SERVICE_UNAVAILABLE"));         // same id, other claimant: a conflict
        f.add(smallBusiness("F-BIZ-1", "FAM-SHOP", "123-45-99001", 3_000_000, 2_000_000));
        f.add(smallBusiness("F-BIZ-2", "FAM-SHOP-OTHER-LOGIN", "1234599001", 3_000_000, 2_600_000));
        f.add(smallBusiness("F-BIZ-3", "FAM-SHOP", "123 45 99001", 4_000_000, 3_000_000));
        f.add(consumer("F-RESUB-1", "FAM-U4", "kakaotalk", "SERVICE_UNAVAILABLE"));
        f.add(consumer("F-RESUB-2", "FAM-U4", "kakaotalk", "SERVICE_UNAVAILABLE"));      // the same claim under a new id
        for (int i = 0; i < 30; i++) f.add(consumer("F-POOL-" + i, "FAM-POOL-" + i, "kakaotalk", "SERVICE_UNAVAILABLE"));
        return f;
    }

    static List<ClaimInput> read(List<String> lines) {
        List<ClaimInput> out = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), READER)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    /** The batch path on {@code inputs} renumbered 1..n: one JSON line per record. */
    static List<String> batch(Policy policy, List<ClaimInput> inputs, int threads) {
        List<ClaimInput> renumbered = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput in = inputs.get(i);
            renumbered.add(new ClaimInput(i + 1, in.claimId(), in.claim(), in.rejection()));
        }
        List<String> out = new ArrayList<>();
        new BatchAssessor(policy, threads, 64).run(renumbered.iterator(), (Assessment a) -> out.add(Json.line(a)));
        return out;
    }
}
