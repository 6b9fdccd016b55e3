package io.bosang.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hostile-input corpus, {@code src/test/resources/hostile/claims.ndjson}, and what each record must give,
 * {@code hostile/expected.tsv}: several hundred hostile records of every kind the input issues named, interleaved with
 * valid claims and blank lines (which are no records). Written by this class; {@code HostileCorpusTest} checks the
 * committed files are exactly what it writes, so the corpus is reviewed as data and regenerated deliberately:
 * {@code mvn -pl core test -Dtest=HostileCorpusTest#theCommittedCorpusIsExactlyWhatTheGeneratorWrites -Dbosang.regenerate=true}.
 *
 * <p>Each record is one NDJSON line. {@code expected.tsv} has, per record: number, {@code VALID} or {@code REJECTED},
 * the rejected field ({@code *} when it depends on where the parser stopped), a fragment of the reason as read from
 * NDJSON, a fragment as read from an array element, the kind, and whether the line can stand as an array element
 * ({@code element}) or only alone ({@code alone}: a truncated record or a tail such as {@code ,} or {@code ]}).
 */
final class HostileCorpus {
    static final Path DIR = Path.of("src/test/resources/hostile");
    static final String INCIDENT = "kakao-2022-10-15";

    /** One record of the corpus and what it must give. */
    record Entry(byte[] bytes, boolean valid, String field, String fragment, String elementFragment, String kind, boolean element) {
        String tsv(long record) {
            return record + "\t" + (valid ? "VALID" : "REJECTED") + "\t" + field + "\t" + fragment + "\t" + elementFragment + "\t" + kind
                    + "\t" + (element ? "element" : "alone");
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private int hostileSinceValid;
    private int validCount;
    private int hostileCount;

    private HostileCorpus() {
    }

    /** A valid claim of template {@code t} (0: webtoon pass, 1: Melon, 2: free KakaoTalk) with id {@code id}. */
    static String claim(int t, String id) {
        String who = "U-" + id;
        return switch (t) {
            case 0 -> "{\"id\":\"" + id + "\",\"incident\":\"" + INCIDENT + "\",\"service\":\"kakao-webtoon\",\"claimant\":{\"id\":\"" + who
                    + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"SERVICE_UNAVAILABLE\",\"filedAt\":\"2022-10-25T10:00:00+09:00\","
                    + "\"subscription\":{\"plan\":\"webtoon-pass\",\"monthlyFeeKrw\":4900,\"billing\":\"DIRECT\",\"start\":\"2022-10-01T00:00:00+09:00\"}}";
            case 1 -> "{\"id\":\"" + id + "\",\"incident\":\"" + INCIDENT + "\",\"service\":\"melon\",\"claimant\":{\"id\":\"" + who
                    + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"SERVICE_UNAVAILABLE\",\"filedAt\":\"2022-11-02T09:15:30+09:00\","
                    + "\"subscription\":{\"plan\":\"streaming-club\",\"monthlyFeeKrw\":10900,\"billing\":\"APP_STORE_IN_APP\",\"start\":\"2022-09-20T00:00:00+09:00\"},"
                    + "\"evidence\":[{\"kind\":\"RECEIPT\",\"reference\":\"r-" + id + "\"}]}";
            default -> "{\"id\":\"" + id + "\",\"incident\":\"" + INCIDENT + "\",\"service\":\"kakaotalk\",\"claimant\":{\"id\":\"" + who
                    + "\",\"kind\":\"CONSUMER\",\"phoneCountry\":\"KR\"},\"harm\":\"SERVICE_UNAVAILABLE\",\"filedAt\":\"2023-01-06T09:00:00Z\","
                    + "\"declared\":{\"claimed_consolation\":1000000}}";
        };
    }

    static List<Entry> entries() {
        HostileCorpus c = new HostileCorpus();
        c.build();
        return c.entries;
    }

    static byte[] ndjson() {
        HostileCorpus c = new HostileCorpus();
        c.build();
        return c.file.toByteArray();
    }

    static String tsv() {
        StringBuilder out = new StringBuilder("# record\texpect\tfield\treason (NDJSON)\treason (array element)\tkind\tform\n");
        List<Entry> all = entries();
        for (int i = 0; i < all.size(); i++) out.append(all.get(i).tsv(i + 1)).append('\n');
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        Files.write(DIR.resolve("claims.ndjson"), ndjson());
        Files.writeString(DIR.resolve("expected.tsv"), tsv(), StandardCharsets.UTF_8);
    }

    private String nextId() {
        return String.format(Locale.ROOT, "H-%04d", hostileCount + 1);
    }

    private void valid(String kind, String text) {
        add(new Entry(text.getBytes(StandardCharsets.UTF_8), true, "-", "-", "-", kind, true));
    }

    private void validClaim() {
        validCount++;
        valid("valid", claim(validCount % 3, String.format(Locale.ROOT, "V-%04d", validCount)));
    }

    private void hostile(String kind, String text, String field, String fragment, String elementFragment, boolean element) {
        hostile(kind, text.getBytes(StandardCharsets.UTF_8), field, fragment, elementFragment, element);
    }

    private void hostile(String kind, byte[] bytes, String field, String fragment, String elementFragment, boolean element) {
        add(new Entry(bytes, false, field, fragment, elementFragment, kind, element));
        hostileCount++;
        if (++hostileSinceValid == 4) {
            hostileSinceValid = 0;
            validClaim();
            if (validCount % 7 == 0) file.writeBytes(" \t\r\n".getBytes(StandardCharsets.US_ASCII)); // a blank line: no record
        }
    }

    private void same(String kind, String text, String field, String fragment) {
        hostile(kind, text, field, fragment, fragment, true);
    }

    private void add(Entry e) {
        entries.add(e);
        file.writeBytes(e.bytes());
        file.write('\n');
    }

    private static byte[] withBytes(String text, String marker, int... bytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, m);
        if (at < 0) throw new IllegalArgumentException(marker + " not in " + text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, at + m.length);
        for (int b : bytes) out.write(b);
        out.write(utf8, at + m.length, utf8.length - at - m.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private void build() {
        validClaim();
        for (int t = 0; t < 3; t++) {
            truncated(t);
            arraysAndValues(t);
            tails(t);
            carriageReturns(t);
            duplicateKeys(t);
            invalidUtf8(t);
            byteOrderMarks(t);
            nesting(t);
            numbers(t);
            dates(t);
            nulBytes(t);
            types(t);
            unknownFields(t);
            misc(t);
        }
        longRecords();
        validClaim();
    }

    private void truncated(int t) {
        String c = claim(t, nextId());
        for (int cut : new int[]{1, 2, 9, 30, 61, 100, 150, 201, c.length() - 2, c.length() - 1}) {
            hostile("truncated", c.substring(0, cut), "$", "not valid JSON", "not valid JSON", false);
        }
    }

    private void arraysAndValues(int t) {
        for (String a : new String[]{"[]", "[ ]", "[" + claim(t, nextId()) + "]", "[1,2]", "[[]]"}) {
            hostile("array in NDJSON", a, "$", "a JSON array inside NDJSON", "must be a JSON object", true);
        }
        String a = claim(t, nextId());
        String b = claim(t, nextId() + "b");
        for (String two : new String[]{a + b, a + " " + b, a + "\r" + b, a + "[]", a + "1", a + "null", a + "\"x\""}) {
            same("two values on a line", two, "$", "a second JSON value");
        }
    }

    private void tails(int t) {
        String c = claim(t, nextId());
        for (String tail : new String[]{" garbage", "}", "//comment", "#", " x y", "\u0000"}) same("garbage tail", c + tail, "$", "not valid JSON");
        hostile("garbage tail", c + ",", "$", "not valid JSON", "-", false);
        hostile("garbage tail", c + "]", "$", "not valid JSON", "-", false);
        hostile("garbage tail", c + ",{}", "$", "not valid JSON", "-", false);
    }

    private void carriageReturns(int t) {
        String id = String.format(Locale.ROOT, "V-%04d", 1000 + t * 10);
        String c = claim(t, id);
        valid("bare CR between tokens", c.replace(",\"harm\"", ",\r\"harm\""));
        valid("bare CR between tokens", claim(t, id + "a").replace("{\"id\"", "{\r\"id\"").replace("\":\"CONSUMER", "\":\r\"CONSUMER"));
        valid("CR LF line end", claim(t, id + "b") + "\r");
        String plan = claim(t, nextId()).replaceFirst("\"claimant\":\\{\"id\":\"U-", "\"claimant\":{\"id\":\"U-\r");
        same("bare CR inside a string", plan, "$", "not valid JSON");
        same("bare CR inside a string", claim(t, nextId()).replace("\"SERVICE_UNAVAILABLE\"", "\"SERVICE\rUNAVAILABLE\""), "$", "not valid JSON");
    }

    private void duplicateKeys(int t) {
        same("duplicate key", claim(t, nextId()).replaceFirst("\\{\"id\":", "{\"id\":\"first\",\"id\":"), "id", "appears twice");
        same("duplicate key", claim(t, nextId()).replace("\"harm\":", "\"harm\":\"OTHER\",\"harm\":"), "harm", "appears twice");
        same("duplicate key", claim(t, nextId()).replace("\"kind\":\"CONSUMER\"", "\"kind\":\"CONSUMER\",\"kind\":\"SMALL_BUSINESS\""), "claimant.kind", "appears twice");
        String withFee = t == 2 ? claim(0, nextId()) : claim(t, nextId());
        same("duplicate key", withFee.replaceFirst("\"monthlyFeeKrw\":", "\"monthlyFeeKrw\":-1,\"monthlyFeeKrw\":"), "subscription.monthlyFeeKrw", "appears twice");
        same("duplicate key", claim(0, nextId()).replaceFirst("}$", ",\"declared\":{\"a\":1,\"a\":2}}"), "declared.a", "appears twice");
        same("duplicate key", claim(0, nextId()).replaceFirst("}$", ",\"evidence\":[{\"kind\":\"RECEIPT\",\"kind\":\"OTHER\"}]}"),
                "evidence[0].kind", "appears twice");
    }

    private void invalidUtf8(int t) {
        String marker = "\"claimant\":{\"id\":\"U-";
        int[][] bad = {{0xFF}, {0xC3}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF0, 0x9F, 0x98}, {0xF5, 0x80, 0x80, 0x80}, {0x80}, {0xFE, 0xFF}};
        for (int[] b : bad) {
            hostile("invalid UTF-8", withBytes(claim(t, nextId()), marker, b), "$", "not valid UTF-8", "not valid UTF-8", true);
        }
        hostile("invalid UTF-8", withBytes(claim(t, nextId()), "\"harm\":\"SERVICE_UNAVAILABLE\"", 0xE9), "$", "not valid UTF-8", "not valid UTF-8", true);
        byte[] utf16 = ("\uFEFF" + claim(t, nextId())).getBytes(StandardCharsets.UTF_16LE);
        hostile("invalid UTF-8", utf16, "$", "not valid UTF-8", "not valid UTF-8", true);
    }

    private void byteOrderMarks(int t) {
        same("byte order mark", "\uFEFF" + claim(t, nextId()), "$", "not valid JSON");
        same("byte order mark", claim(t, nextId()).replaceFirst("\\{", "{\uFEFF"), "$", "not valid JSON");
        same("byte order mark", claim(t, nextId()).replace("\"harm\":", "\"harm\":\uFEFF"), "$", "not valid JSON");
        valid("byte order mark inside a string is text", claim(t, String.format(Locale.ROOT, "V-%04d", 1001 + t * 10))
                .replace("\"claimant\":{\"id\":\"U-", "\"claimant\":{\"id\":\"U-\uFEFF"));
    }

    private void nesting(int t) {
        String c = claim(t, nextId());
        same("deep nesting", c.replaceFirst("}$", ",\"usage\":{\"x\":" + "[".repeat(62) + "]".repeat(62) + "}}"), "usage.x", "must be a whole number");
        for (int depth : t == 0 ? new int[]{63, 100, 1000, 10_000} : new int[]{63, 100, 1000}) {
            same("deep nesting", claim(t, nextId()).replaceFirst("}$", ",\"usage\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}"),
                    "usage", "nested deeper than 64 levels");
        }
        same("deep nesting", claim(t, nextId()).replaceFirst("}$", ",\"extra\":" + "{\"a\":".repeat(80) + "1" + "}".repeat(80) + "}"),
                "extra", "nested deeper than 64 levels");
        int deep = t == 0 ? 10_000 : 500;
        hostile("deep nesting", "[".repeat(deep) + "]".repeat(deep), "$", "nested deeper than 64 levels", "nested deeper than 64 levels", true);
        hostile("deep nesting", "{\"a\":".repeat(Math.max(100, deep / 10)), "a", "nested deeper than 64 levels", "nested deeper than 64 levels", false);
    }

    private void numbers(int t) {
        String fee = "subscription.monthlyFeeKrw";
        String[][] fees = {{"10000000000001", "must be at most 10,000,000,000,000"}, {"9223372036854775807", "must be at most"},
                {"9223372036854775808", "must be at most"}, {"1000000000000000000000000000000", "must be at most"},
                {"-1", "must not be negative"}, {"-9223372036854775809", "must not be negative"},
                {"4900.5", "whole number"}, {"4900.000000000000000001", "whole number"}, {"4.9501e3", "whole number"}, {"49E-2", "whole number"},
                {"1e400", "must be at most"}, {"-0.5", "whole number"}, {"1e-999999999", "whole number"}, {"1e999999999", "must be at most"}};
        String[] zeros = {"4900.0", "4.9e3", "49E2", "-0.0"};
        for (int k = 0; k < zeros.length; k++) {
            // JSON Schema's integer: a number whose fractional part is zero is whole, and is read exactly
            String id = String.format(Locale.ROOT, "V-%04d-z%d", 1002 + t * 10, k);
            valid("zero fraction is a whole number", claim(t == 2 ? 0 : t, id).replaceFirst("\"monthlyFeeKrw\":\\d+", "\"monthlyFeeKrw\":" + zeros[k]));
        }
        for (String[] f : fees) {
            String c = (t == 2 ? claim(0, nextId()) : claim(t, nextId())).replaceFirst("\"monthlyFeeKrw\":\\d+", "\"monthlyFeeKrw\":" + f[0]);
            same("huge or fractional money", c, fee, f[1]);
        }
        String digits = "9".repeat(1500);
        same("huge or fractional money", (t == 2 ? claim(0, nextId()) : claim(t, nextId())).replaceFirst("\"monthlyFeeKrw\":\\d+", "\"monthlyFeeKrw\":" + digits),
                fee, "over the read limits");
        same("huge counts", claim(t, nextId()).replaceFirst("}$", ",\"usage\":{\"december_subsidy_nights\":2305843009213693953}}"),
                "usage.december_subsidy_nights", "must be at most 1,000,000,000");
        same("huge counts", claim(t, nextId()).replaceFirst("}$", ",\"usage\":{\"saturdays_with_drives\":1000000001}}"),
                "usage.saturdays_with_drives", "must be at most 1,000,000,000");
        String business = ",\"business\":{\"industry\":\"FOOD\",\"annualRevenueKrw\":%s,\"employees\":%s}";
        same("huge counts", claim(t, nextId()).replace("\"phoneCountry\":\"KR\"", "\"phoneCountry\":\"KR\"" + String.format(Locale.ROOT, business, "100000000000000", "3")),
                "claimant.business.annualRevenueKrw", "must be at most 10,000,000,000,000");
        same("huge counts", claim(t, nextId()).replace("\"phoneCountry\":\"KR\"", "\"phoneCountry\":\"KR\"" + String.format(Locale.ROOT, business, "300000000", "10000000000")),
                "claimant.business.employees", "must be at most 1,000,000,000");
        same("huge or fractional money", claim(2, nextId()).replace("1000000}", "10000000000001}"), "declared.claimed_consolation", "must be at most");
    }

    private void dates(int t) {
        String[][] outside = {{"0000-10-25T10:00:00+09:00", "outside 1990-01-01 to 2100-12-31"}, {"1989-12-31T23:59:59+09:00", "outside"},
                {"2101-01-01T00:00:00+09:00", "outside"}, {"+10000-10-25T10:00:00+09:00", "outside"}, {"-99999-10-25T10:00:00+09:00", "outside"},
                {"+99999-10-25T10:00:00+09:00", "outside"}, {"99999-10-25T10:00:00+09:00", "RFC 3339"}};
        String[][] malformed = {{"2023-01-19T18:51+09:00", "seconds are required"}, {"2022-10-25t10:00:00+09:00", "RFC 3339"},
                {"2022-10-25T10:00:00z", "RFC 3339"}, {"2022-10-25 10:00:00+09:00", "RFC 3339"}, {"2022-10-25T10:00:00", "RFC 3339"},
                {"2022-10-25T10:00:00+0900", "RFC 3339"}, {"2022-12-31T23:59:60+09:00", "RFC 3339"}, {"2023-02-29T10:00:00+09:00", "RFC 3339"},
                {"2022-10-25T24:00:00+09:00", "RFC 3339"}, {"2022-10-25T10:00:00+15:00", "RFC 3339"}, {"2022-10-25T10:00:00.1234567891+09:00", "RFC 3339"},
                {"2022-10-25", "RFC 3339"}, {"", "RFC 3339"}, {"2022-10-25T10:00:00-00:00", "RFC 3339"}};
        String filed = "2022-10-25T10:00:00+09:00";
        for (String[][] group : new String[][][]{outside, malformed}) {
            for (String[] d : group) {
                String c = claim(0, nextId()).replace("\"filedAt\":\"" + filed + "\"", "\"filedAt\":\"" + d[0] + "\"");
                if (t == 1) c = claim(0, nextId()).replace("\"start\":\"2022-10-01T00:00:00+09:00\"", "\"start\":\"" + d[0] + "\"");
                if (t == 2) c = claim(0, nextId()).replace("\"start\":\"2022-10-01T00:00:00+09:00\"", "\"start\":\"2022-10-01T00:00:00+09:00\",\"end\":\"" + d[0] + "\"");
                same("date out of range or malformed", c, t == 0 ? "filedAt" : t == 1 ? "subscription.start" : "subscription.end", d[1]);
            }
        }
    }

    private void nulBytes(int t) {
        same("NUL byte", claim(t, nextId()).replace("\"claimant\":{\"id\":\"U-", "\"claimant\":{\"id\":\"U-\u0000"), "$", "not valid JSON");
        same("NUL byte", claim(t, nextId()).replace(",\"harm\"", ",\u0000\"harm\""), "$", "not valid JSON");
        same("NUL byte", "\u0000\u0000\u0000", "$", "not valid JSON");
    }

    private void types(int t) {
        String c = claim(t, nextId());
        same("wrong type", c.replaceFirst("\"id\":\"H-\\d+\"", "\"id\":123"), "id", "must be a string");
        same("wrong type", claim(t, nextId()).replaceFirst("\"id\":\"H-\\d+\"", "\"id\":true"), "id", "must be a string");
        same("wrong type", claim(t, nextId()).replaceFirst("\"id\":\"H-\\d+\"", "\"id\":\"\""), "id", "must not be empty");
        same("wrong type", claim(t, nextId()).replaceFirst("\"claimant\":\\{[^}]*}", "\"claimant\":\"U-1\""), "claimant", "must be a JSON object");
        same("wrong type", claim(t, nextId()).replace("\"harm\":\"SERVICE_UNAVAILABLE\"", "\"harm\":\"service_unavailable\""), "harm", "must be one of");
        same("wrong type", claim(0, nextId()).replace("\"monthlyFeeKrw\":4900", "\"monthlyFeeKrw\":\"4900\""), "subscription.monthlyFeeKrw", "whole number");
        same("wrong type", claim(t, nextId()).replaceFirst("}$", ",\"usage\":[]}"), "usage", "must be an object");
        same("wrong type", claim(t, nextId()).replaceFirst("}$", ",\"usage\":{\"x\":\"1\"}}"), "usage.x", "whole number");
        same("wrong type", claim(0, nextId()).replaceFirst("}$", ",\"evidence\":{}}"), "evidence", "must be an array");
        same("wrong type", claim(0, nextId()).replaceFirst("}$", ",\"evidence\":[1]}"), "evidence[0]", "must be a JSON object");
        same("wrong type", claim(t, nextId()).replace("\"phoneCountry\":\"KR\"", "\"phoneCountry\":\"kr\""), "claimant.phoneCountry", "ISO 3166");
        same("wrong type", claim(t, nextId()).replaceFirst("\"filedAt\":\"[^\"]*\"", "\"filedAt\":20221025"), "filedAt", "must be a string");
        same("wrong type", claim(t, nextId()).replace("\"kind\":\"CONSUMER\"", "\"kind\":null"), "claimant.kind", "is required");
        same("wrong type", claim(0, nextId()).replace("\"billing\":\"DIRECT\"", "\"billing\":\"APPLE\""), "subscription.billing", "must be one of");
        same("wrong type", claim(0, nextId()).replaceFirst("\"subscription\":\\{[^}]*}", "\"subscription\":[]"), "subscription", "must be a JSON object");
    }

    private void unknownFields(int t) {
        same("unknown field", claim(t, nextId()).replace("\"filedAt\"", "\"filed_at\""), "filed_at", "unknown field");
        same("unknown field", claim(t, nextId()).replace("\"kind\":\"CONSUMER\"", "\"kind\":\"CONSUMER\",\"name\":\"Kim\""), "claimant.name", "unknown field");
        same("unknown field", claim(0, nextId()).replace("\"billing\":\"DIRECT\"", "\"billing\":\"DIRECT\",\"price\":4900"), "subscription.price", "unknown field");
        same("unknown field", claim(0, nextId()).replaceFirst("}$", ",\"evidence\":[{\"kind\":\"RECEIPT\",\"url\":\"http://x\"}]}"), "evidence[0].url", "unknown field");
        same("unknown field", claim(t, nextId()).replaceFirst("}$", ",\"comment\":\"hi\"}"), "comment", "unknown field");
    }

    private void misc(int t) {
        same("not a claim", "{}", "id", "is required");
        for (String v : new String[]{"null", "true", "42", "\"claim\""}) same("not a claim", v, "$", "must be a JSON object");
        same("unknown incident", claim(t, nextId()).replace(INCIDENT, "kakao-2099-01-01"), "incident", "unknown incident");
        same("unknown service", claim(t, nextId()).replace("\"service\":\"", "\"service\":\"no-"), "service", "has no service");
        same("end before start", claim(0, nextId()).replace("\"start\":\"2022-10-01T00:00:00+09:00\"",
                "\"start\":\"2022-10-01T00:00:00+09:00\",\"end\":\"2022-09-01T00:00:00+09:00\""), "subscription.end", "must be after");
        same("lone surrogate", claim(t, nextId()).replace("\"claimant\":{\"id\":\"U-", "\"claimant\":{\"id\":\"U-\\ud800"), "claimant.id", "lone UTF-16 surrogate");
        same("long text", claim(t, nextId()).replaceFirst("\"id\":\"H-", "\"id\":\"" + "x".repeat(1001)), "id", "at most 1000");
        same("long text", claim(t, nextId()).replace("\"claimant\":{\"id\":\"U-", "\"claimant\":{\"id\":\"" + "\uD83D\uDE00".repeat(1001)), "claimant.id", "at most 1000");
        same("long text", claim(0, nextId()).replaceFirst("}$", ",\"evidence\":[{\"kind\":\"RECEIPT\",\"reference\":\"" + "r".repeat(5000) + "\"}]}"),
                "evidence[0].reference", "at most 1000");
        same("long text", claim(t, nextId()).replaceFirst("}$", ",\"usage\":{\"" + "k".repeat(1001) + "\":1}}"), "*", "at most 1000");
    }

    private void longRecords() {
        same("record over 64 KiB", claim(0, nextId()).replace("webtoon-pass", "w".repeat(70_000)), "$", "a record holds at most 65,536 bytes");
        same("record over 64 KiB", "x".repeat(66_000), "$", "a record holds at most 65,536 bytes");
    }
}
