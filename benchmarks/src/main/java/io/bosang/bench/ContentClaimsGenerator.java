package io.bosang.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of consumer subscription claims for {@code content-user-protection}: claims against nine
 * synthetic incidents (varied stoppage lengths, partial and overlapping windows, month boundaries, prior, late and
 * no notice, every fault position) and the shipped Kakao incident of 15 Oct 2022. Same count and seed, same bytes.
 *
 * <p>Mix per record: about 1% bad records (broken JSON, an unknown field, a negative fee), 0.5% resubmissions of
 * the previous claim under a new id, 6% paid services claimed without a plan, 5% plans starting after the
 * stoppage, 25% fixed-term plans, 10% plan times written in UTC instead of KST.
 */
public final class ContentClaimsGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    private static final long[] FEES = {2_900, 4_900, 7_900, 10_900, 13_900, 17_000, 39_000};

    private static final List<Service> SERVICES = List.of(
            new Service("vod", "VOD subscription", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION),
            new Service("music", "Music streaming", ServiceCategory.MUSIC, PaymentModel.SUBSCRIPTION),
            new Service("webtoon", "Webtoon rentals", ServiceCategory.CONTENT, PaymentModel.RENTAL),
            new Service("cloud", "Cloud storage plan", ServiceCategory.STORAGE, PaymentModel.SUBSCRIPTION),
            new Service("chat", "Chat", ServiceCategory.MESSAGING, PaymentModel.FREE));

    /** The synthetic incidents, ids starting with {@code cup-bench-}. */
    public static final List<Incident> INCIDENTS = List.of(
            incident("cup-bench-vod-5h", FaultPosition.ORDINARY_NEGLIGENCE, null, "2023-03-10T20:00",
                    w("vod", 0, 5 * 60, Severity.FULL), w("music", 0, 150, Severity.FULL), w("chat", 0, 5 * 60, Severity.FULL),
                    w("cloud", 30, 3 * 60, Severity.PARTIAL)),
            incident("cup-bench-dc-fire-100h", FaultPosition.GROSS_NEGLIGENCE, null, "2023-01-29T10:00",
                    w("vod", 0, 100 * 60, Severity.FULL), w("music", 0, 90 * 60, Severity.FULL), w("chat", 0, 40 * 60, Severity.FULL),
                    w("webtoon", 0, 20 * 60, Severity.FULL), w("webtoon", 20 * 60, 50 * 60, Severity.PARTIAL)),
            incident("cup-bench-storage-96h", FaultPosition.ORDINARY_NEGLIGENCE, null, "2023-05-10T09:00",
                    w("cloud", 0, 96 * 60, Severity.FULL), w("vod", 0, 73 * 60 + 30, Severity.FULL), w("music", 0, 72 * 60, Severity.FULL),
                    w("webtoon", 0, 71 * 60, Severity.FULL), w("chat", 0, 96 * 60, Severity.FULL)),
            incident("cup-bench-maintenance-notice", FaultPosition.ORDINARY_NEGLIGENCE, 72 * 60L, "2023-06-01T02:00",
                    w("vod", 0, 8 * 60, Severity.FULL), w("music", 0, 10 * 60, Severity.FULL), w("cloud", 0, 26 * 60, Severity.FULL),
                    w("webtoon", 0, 5 * 60, Severity.PARTIAL)),
            incident("cup-bench-late-notice", FaultPosition.GROSS_NEGLIGENCE, 120L, "2023-07-14T18:00",
                    w("vod", 0, 12 * 60, Severity.FULL), w("music", 0, 30, Severity.FULL), w("cloud", 0, 80 * 60, Severity.FULL)),
            incident("cup-bench-ddos-third-party", FaultPosition.THIRD_PARTY, null, "2023-08-20T21:15",
                    w("vod", 0, 20 * 60, Severity.FULL), w("vod", 20 * 60, 26 * 60, Severity.PARTIAL),
                    w("music", 0, 100 * 60, Severity.FULL), w("cloud", 0, 10 * 60, Severity.FULL), w("cloud", 5 * 60, 14 * 60, Severity.FULL),
                    w("chat", 0, 26 * 60, Severity.FULL)),
            incident("cup-bench-typhoon", FaultPosition.FORCE_MAJEURE, 24 * 60L, "2023-09-05T06:00",
                    w("vod", 0, 40 * 60, Severity.FULL), w("webtoon", 0, 9 * 60 + 45, Severity.FULL), w("music", 0, 2 * 60, Severity.PARTIAL)),
            incident("cup-bench-user-side", FaultPosition.NONE, null, "2023-10-02T11:00",
                    w("vod", 0, 3 * 60, Severity.FULL), w("music", 0, 45, Severity.FULL)),
            incident("cup-bench-month-end", FaultPosition.INTENT, null, "2023-02-25T00:00",
                    w("vod", 24 * 60, 144 * 60, Severity.FULL), w("music", 0, 96 * 60, Severity.FULL), w("cloud", 0, 150 * 60, Severity.PARTIAL),
                    w("webtoon", 6 * 60, 30 * 60, Severity.FULL)));

    private ContentClaimsGenerator() {
    }

    private record Window(String service, long fromMinute, long toMinute, Severity severity) {
    }

    private static Window w(String service, long fromMinute, long toMinute, Severity severity) {
        return new Window(service, fromMinute, toMinute, severity);
    }

    private static Incident incident(String id, FaultPosition fault, Long noticeLeadMinutes, String localStart, Window... windows) {
        OffsetDateTime start = OffsetDateTime.parse(localStart + ":00+09:00");
        List<Disruption> ds = new ArrayList<>();
        for (Window x : windows) {
            ds.add(new Disruption(x.service, start.plusMinutes(x.fromMinute), start.plusMinutes(x.toMinute), x.severity, EndBasis.REPORTED, "benchmark"));
        }
        PriorNotice notice = noticeLeadMinutes == null ? null : new PriorNotice(start.minusMinutes(noticeLeadMinutes), "service notice");
        return new Incident(id, new Operator("example", "Example Content Co."), "Benchmark incident " + id, "synthetic", fault, "assumed", start,
                notice, SERVICES, ds, List.of("synthetic, for benchmarks"));
    }

    /** The shipped incidents (the Kakao outage) plus the synthetic ones. */
    public static IncidentCatalog catalog() {
        try {
            IncidentCatalog c = IncidentCatalog.classpath();
            for (Incident i : INCIDENTS) c = c.with(i);
            return c;
        } catch (PolicyBuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code count} records from {@code seed} as NDJSON bytes. */
    public static byte[] ndjson(long count, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, count * 400));
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            write(count, seed, out, catalog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code count} records generated from {@code seed}, one JSON object per line. */
    public static void write(long count, long seed, Writer out, IncidentCatalog catalog) throws IOException {
        List<Incident> incidents = new ArrayList<>(INCIDENTS);
        catalog.find("kakao-2022-10-15").ifPresent(incidents::add);
        SplittableRandom r = new SplittableRandom(seed);
        ObjectNode previous = null;
        for (long i = 1; i <= count; i++) {
            String id = String.format(Locale.ROOT, "CUP-%07d", i);
            double roll = r.nextDouble();
            if (roll < 0.004) {
                out.write("{\"id\":\"" + id + "\",\"incident\":\"cup-bench-vod-5h\",\"service\":\"vod\",\n");
                continue;
            }
            ObjectNode claim;
            if (roll < 0.009 && previous != null) {
                claim = previous.deepCopy();   // the same claim again under a new id: settled as a duplicate
            } else {
                claim = claim(id, incidents.get(r.nextInt(incidents.size())), r);
                previous = claim;
            }
            claim.put("id", id);
            if (roll >= 0.009 && roll < 0.012) claim.put("filed_at", claim.path("filedAt").asText());
            if (roll >= 0.012 && roll < 0.014 && claim.has("subscription")) {
                claim.with("subscription").put("monthlyFeeKrw", -claim.get("subscription").get("monthlyFeeKrw").asLong());
            }
            out.write(Json.line(claim));
            out.write('\n');
        }
        out.flush();
    }

    private static ObjectNode claim(String id, Incident incident, SplittableRandom r) {
        Service service = incident.services().get(r.nextInt(incident.services().size()));
        OffsetDateTime start = incident.startedAt();
        ObjectNode c = F.objectNode();
        c.put("id", id);
        c.put("incident", incident.id());
        c.put("service", service.id());
        ObjectNode claimant = c.putObject("claimant");
        claimant.put("id", "C-" + id.substring(4));
        claimant.put("kind", "CONSUMER");
        claimant.put("phoneCountry", r.nextInt(100) < 97 ? "KR" : "JP");
        boolean withPlan = service.payment() == PaymentModel.FREE ? r.nextInt(100) < 30 : r.nextInt(100) >= 6;
        if (withPlan) {
            ObjectNode s = c.putObject("subscription");
            s.put("plan", service.id() + "-monthly");
            s.put("monthlyFeeKrw", FEES[r.nextInt(FEES.length)]);
            s.put("billing", r.nextInt(100) < 30 ? "APP_STORE_IN_APP" : "DIRECT");
            int when = r.nextInt(100);
            OffsetDateTime planStart = when < 5 ? start.plusMinutes(1 + r.nextInt(5 * 24 * 60))        // started after the stoppage
                    : start.minusMinutes(1 + r.nextInt(60 * 24 * 60));
            ZoneOffset offset = r.nextInt(100) < 10 ? ZoneOffset.UTC : KST;
            s.put("start", Json.dateTime(planStart.withOffsetSameInstant(offset)));
            if (r.nextInt(100) < 25) s.put("end", Json.dateTime(planStart.plusDays(30).withOffsetSameInstant(offset)));
        }
        c.put("harm", "SERVICE_UNAVAILABLE");
        c.put("filedAt", Json.dateTime(start.plusMinutes(24 * 60 + r.nextInt(30 * 24 * 60))));
        return c;
    }
}
