package io.bosang.json;

import java.time.LocalDate;

/**
 * The bounds every claim input is held to, named once. {@code claim.schema.json} states the same numbers
 * ({@code maximum}, {@code maxLength}, the date-time {@code pattern}); {@code SchemaContractTest} checks that the
 * schema and these constants agree, and that the reader and the schema accept and refuse the same records.
 */
public final class InputLimits {
    /** One record (an NDJSON line, an array element, a pretty-printed object) holds at most 64 KiB of UTF-8. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;
    /** Objects and arrays nest at most this deep inside one record (a claim needs 3). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The most a KRW field may hold: 10^13 won (10조 원), a thousand times the largest published payout. */
    public static final long MAX_KRW = 10_000_000_000_000L;
    /**
     * The most a count (a usage count, employees) may hold: 10^9. Counts include a service's daily users (KakaoTalk's
     * were about 4 × 10^7 in 2022), so the bound is the parameter files' integer bound, not a per-person figure.
     */
    public static final long MAX_COUNT = 1_000_000_000L;
    /** The longest text field (and {@code declared}/{@code usage} key), in Unicode code points. */
    public static final int MAX_TEXT_CODE_POINTS = 1_000;
    /** The earliest date a claim's date-time may carry (its local date as written). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /** The latest date a claim's date-time may carry (its local date as written). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /**
     * RFC 3339 {@code date-time} with seconds and an offset, years {@link #EARLIEST_DATE} to {@link #LATEST_DATE},
     * upper-case {@code T} and {@code Z}, at most nine fraction digits and offsets up to ±14:59 (every offset in use), but
 * not {@code -00:00}, which RFC 3339 reserves for "offset unknown": a claim's time needs its offset.
     * The schema's {@code $defs.dateTime.pattern} is this string.
     */
    public static final String DATE_TIME_PATTERN = "^(199[0-9]|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
            + "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|(?!-00:00)[+-](0[0-9]|1[0-4]):[0-5][0-9])$";

    private InputLimits() {
    }
}
