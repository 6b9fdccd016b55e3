package io.bosang.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.domain.BillingChannel;
import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Evidence;
import io.bosang.domain.EvidenceKind;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.Service;
import io.bosang.domain.Subscription;
import io.bosang.engine.ClaimInput;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Rejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one JSON object into a {@link Claim}, or into a {@link Rejection} naming the first offending field and why.
 * Strict on purpose: an unknown field (a typo such as {@code filed_at}) is rejected rather than silently ignored,
 * money must be a whole number of KRW up to {@link InputLimits#MAX_KRW}, counts up to {@link InputLimits#MAX_COUNT},
 * text up to {@link InputLimits#MAX_TEXT_CODE_POINTS}, and times must be RFC 3339 date-times with seconds and offset
 * between {@link InputLimits#EARLIEST_DATE} and {@link InputLimits#LATEST_DATE}. It refuses exactly what
 * {@code claim.schema.json} refuses, and beyond it only what a schema cannot say (an unknown incident or service, an
 * end before its start).
 */
public final class ClaimReader {
    private static final Set<String> CLAIM_FIELDS = Set.of("id", "incident", "service", "claimant", "subscription",
            "harm", "filedAt", "declared", "usage", "evidence");
    private static final Set<String> CLAIMANT_FIELDS = Set.of("id", "kind", "phoneCountry", "business");
    private static final Set<String> BUSINESS_FIELDS = Set.of("industry", "annualRevenueKrw", "employees", "registrationNumber");
    private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("id", "plan", "monthlyFeeKrw", "billing", "start", "end");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("kind", "reference");
    private static final Pattern DATE_TIME = Pattern.compile(InputLimits.DATE_TIME_PATTERN);

    private final IncidentCatalog incidents;

    public ClaimReader(IncidentCatalog incidents) {
        this.incidents = incidents;
    }

    /** Reads record number {@code record}; never throws for bad input. */
    public ClaimInput read(long record, JsonNode node) {
        String id = node != null && node.isObject() && node.path("id").isTextual() ? node.get("id").asText() : null;
        try {
            return ClaimInput.ok(record, claim(node));
        } catch (Invalid e) {
            return ClaimInput.rejected(record, id, new Rejection(e.field, e.reason));
        } catch (IllegalArgumentException e) {
            return ClaimInput.rejected(record, id, new Rejection("$", e.getMessage()));
        }
    }

    private Claim claim(JsonNode n) {
        object(n, "$");
        unknownFields(n, CLAIM_FIELDS, "");
        String id = text(n, "id", "id", true);
        if (id.isBlank()) throw new Invalid("id", "must not be empty");
        String incidentId = text(n, "incident", "incident", true);
        Incident incident = incidents.find(incidentId).orElseThrow(() -> new Invalid("incident",
                "unknown incident '" + incidentId + "'; known: " + String.join(", ", incidents.ids())));
        String serviceId = text(n, "service", "service", true);
        Service service = incident.service(serviceId).orElseThrow(() -> new Invalid("service",
                "incident " + incidentId + " has no service '" + serviceId + "'; its services: "
                        + incident.services().stream().map(Service::id).collect(Collectors.joining(", "))));
        Claimant claimant = claimant(required(n, "claimant", "claimant"));
        Subscription subscription = n.hasNonNull("subscription") ? subscription(n.get("subscription")) : null;
        HarmKind harm = enumValue(HarmKind.class, text(n, "harm", "harm", true), "harm");
        OffsetDateTime filedAt = time(text(n, "filedAt", "filedAt", true), "filedAt");
        Map<String, Long> declared = amounts(n.get("declared"), "declared", InputLimits.MAX_KRW);
        Map<String, Long> usage = amounts(n.get("usage"), "usage", InputLimits.MAX_COUNT);
        List<Evidence> evidence = new ArrayList<>();
        JsonNode ev = n.get("evidence");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) throw new Invalid("evidence", "must be an array of {kind, reference}");
            for (int i = 0; i < ev.size(); i++) {
                String path = "evidence[" + i + "]";
                JsonNode e = ev.get(i);
                object(e, path);
                unknownFields(e, EVIDENCE_FIELDS, path + ".");
                evidence.add(new Evidence(enumValue(EvidenceKind.class, text(e, "kind", path + ".kind", true), path + ".kind"),
                        text(e, "reference", path + ".reference", false)));
            }
        }
        return new Claim(id, claimant, incident, service, subscription, harm, filedAt,
                new TreeMap<>(declared), new TreeMap<>(usage), evidence);
    }

    private Claimant claimant(JsonNode n) {
        object(n, "claimant");
        unknownFields(n, CLAIMANT_FIELDS, "claimant.");
        String id = text(n, "id", "claimant.id", true);
        ClaimantKind kind = enumValue(ClaimantKind.class, text(n, "kind", "claimant.kind", true), "claimant.kind");
        String phone = text(n, "phoneCountry", "claimant.phoneCountry", false);
        if (phone != null && !phone.matches("[A-Z]{2}")) {
            throw new Invalid("claimant.phoneCountry", "must be an ISO 3166 two-letter country code such as KR, got '" + phone + "'");
        }
        Business business = null;
        if (n.hasNonNull("business")) {
            JsonNode b = n.get("business");
            object(b, "claimant.business");
            unknownFields(b, BUSINESS_FIELDS, "claimant.business.");
            business = new Business(text(b, "industry", "claimant.business.industry", true),
                    whole(b.get("annualRevenueKrw"), "claimant.business.annualRevenueKrw", InputLimits.MAX_KRW),
                    (int) whole(b.get("employees"), "claimant.business.employees", InputLimits.MAX_COUNT),
                    text(b, "registrationNumber", "claimant.business.registrationNumber", false));
        }
        return new Claimant(id, kind, phone, business);
    }

    private Subscription subscription(JsonNode n) {
        object(n, "subscription");
        unknownFields(n, SUBSCRIPTION_FIELDS, "subscription.");
        String subscriptionId = text(n, "id", "subscription.id", false);
        String plan = text(n, "plan", "subscription.plan", true);
        long fee = whole(n.get("monthlyFeeKrw"), "subscription.monthlyFeeKrw", InputLimits.MAX_KRW);
        String billingText = text(n, "billing", "subscription.billing", false);
        BillingChannel billing = billingText == null ? BillingChannel.DIRECT : enumValue(BillingChannel.class, billingText, "subscription.billing");
        OffsetDateTime start = time(text(n, "start", "subscription.start", true), "subscription.start");
        String endText = text(n, "end", "subscription.end", false);
        OffsetDateTime end = endText == null ? null : time(endText, "subscription.end");
        if (end != null && !end.isAfter(start)) throw new Invalid("subscription.end", "must be after subscription.start");
        return new Subscription(subscriptionId, plan, fee, billing, start, end);
    }

    private static Map<String, Long> amounts(JsonNode n, String field, long max) {
        Map<String, Long> out = new TreeMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) throw new Invalid(field, "must be an object of name → whole number");
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            checkText(e.getKey(), field + "." + e.getKey(), "key");
            out.put(e.getKey(), whole(e.getValue(), field + "." + e.getKey(), max));
        }
        return out;
    }

    private static void object(JsonNode n, String field) {
        if (n == null || !n.isObject()) throw new Invalid(field, "must be a JSON object");
    }

    private static JsonNode required(JsonNode n, String name, String path) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) throw new Invalid(path, "is required");
        return v;
    }

    private static void unknownFields(JsonNode n, Set<String> known, String prefix) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Invalid(prefix + name, "unknown field; expected one of " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static String text(JsonNode n, String name, String path, boolean required) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            if (required) throw new Invalid(path, "is required");
            return null;
        }
        if (!v.isTextual()) throw new Invalid(path, "must be a string");
        String text = v.asText();
        checkText(text, path, "text");
        return text;
    }

    /** Text is at most {@link InputLimits#MAX_TEXT_CODE_POINTS} code points of well-formed Unicode (no lone surrogate escape). */
    private static void checkText(String text, String path, String what) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > InputLimits.MAX_TEXT_CODE_POINTS) {
            throw new Invalid(path, "the " + what + " is " + codePoints + " characters long; at most " + InputLimits.MAX_TEXT_CODE_POINTS);
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new Invalid(path, "holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT)
                        + "), which is no Unicode character");
            }
        }
    }

    /**
     * A required whole number from 0 to {@code max}: KRW amounts and counts have no fraction and are not strings. A
     * number is whole as JSON Schema's {@code integer} says: when its fractional part is zero, so {@code 4900.0} and
     * {@code 4.9e3} are 4900 (read exactly, never through a {@code double}), and {@code 4900.5} is refused.
     */
    private static long whole(JsonNode v, String path, long max) {
        if (v == null || v.isNull()) throw new Invalid(path, "is required");
        if (!v.isNumber()) {
            throw new Invalid(path, "must be a whole number (KRW amounts and counts have no fraction and are not strings), got " + shown(v));
        }
        BigDecimal value = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new Invalid(path, "must be a whole number (KRW amounts and counts have no fraction and are not strings), got " + shown(v));
        }
        if (value.signum() < 0) throw new Invalid(path, "must not be negative, got " + shown(v));
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new Invalid(path, "must be at most " + String.format(java.util.Locale.ROOT, "%,d", max) + ", got " + shown(v));
        }
        return value.longValueExact();
    }

    /** A value as shown in a reason: short, so a hostile 60 KB number does not fill the output. */
    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= 40 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
    }

    /**
     * An RFC 3339 date-time with seconds and offset, in range: exactly what the schema's {@code $defs.dateTime}
     * accepts (its {@code pattern} is {@link InputLimits#DATE_TIME_PATTERN}; {@code format: date-time} adds that the
     * day exists, which {@link OffsetDateTime#parse} checks).
     */
    private static OffsetDateTime time(String text, String path) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(path, "must be an RFC 3339 date-time with seconds and offset such as 2022-10-15T15:30:00+09:00, got '" + text + "'");
        }
        LocalDate date = parsed.toLocalDate();
        if (date.isBefore(InputLimits.EARLIEST_DATE) || date.isAfter(InputLimits.LATEST_DATE)) {
            throw new Invalid(path, "the date " + date + " is outside " + InputLimits.EARLIEST_DATE + " to " + InputLimits.LATEST_DATE + ", got '" + text + "'");
        }
        if (!DATE_TIME.matcher(text).matches()) {
            throw new Invalid(path, "must be an RFC 3339 date-time with seconds and offset such as 2022-10-15T15:30:00+09:00"
                    + " (seconds are required; T and Z upper-case; at most 9 fraction digits; offsets up to ±14:59, not -00:00), got '" + text + "'");
        }
        return parsed;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(path, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", got '" + text + "'");
        }
    }

    /** A located input error; carried without a stack trace because it is expected on bad input. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String reason;

        Invalid(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }
}
