package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile URLs and methods, sent as raw bytes (an HTTP client would refuse most of them): every answer is JSON
 * {@code {field, reason}} with the right status, whether Tomcat refused it before Spring saw it (a bad %-escape,
 * {@code %2e%2e}, a NUL, an invalid character, CONNECT, TRACE, a broken header), Spring did (404, 405, 406), or the body
 * filter did (413), and whatever the Accept header asks for. No HTML page, no Tomcat banner, no stack trace.
 */
@Timeout(120)
class JsonErrorsEverywhereTest extends ServiceTestSupport {

    static String rawGet(String target, String... headers) {
        return request("GET", target, headers);
    }

    static String request(String method, String target, String... headers) {
        StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) b.append(h).append("\r\n");
        return b.append("Connection: close\r\n\r\n").toString();
    }

    @Test
    void hostileUrlsAndMethodsAreAnsweredWithFieldAndReasonJson() throws Exception {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put(rawGet("/v1/policies/%ZZ/reload"), 400);                                   // a bad %-escape in the reload URL
        // An encoded '..' as the policy id: Tomcat keeps it, Spring decodes it to the id "..", which the reload refuses.
        cases.put(request("POST", "/v1/policies/%2e%2e/reload", "Content-Length: 0", "Authorization: Bearer " + ADMIN_TOKEN), 404);
        cases.put(rawGet("/%2e%2e/%2e%2e/etc/passwd"), 400);
        cases.put(request("POST", "/v1/policies/..%2fcontent-user-protection/reload", "Content-Length: 0"), 400);   // an encoded '/'
        cases.put(rawGet("/v1/policies/%5c..%5c/reload"), 400);                               // an encoded backslash
        cases.put(rawGet("/v1/policies/%00/reload"), 400);                                    // NUL
        cases.put(rawGet("/v1/policies?x=<script>"), 400);                                    // an invalid character in the query
        cases.put(rawGet("/v1/claims/%E0%A4%A"), 400);                                        // a truncated escape
        cases.put(rawGet("/v1/policies", "Broken Header: x"), 400);                            // a header name with a space
        cases.put(rawGet("/" + "a".repeat(10_000)), 400);                                     // over the header size
        cases.put(rawGet("/no/such/endpoint", "Accept: text/html"), 404);                     // a browser, asking for HTML
        cases.put(request("DELETE", "/v1/policies"), 405);
        cases.put(request("PATCH", "/v1/assessments?policy=kakao-1015-2022", "Content-Type: application/json", "Content-Length: 0"), 405);
        cases.put(request("TRACE", "/v1/policies"), 405);
        cases.put(request("CONNECT", "127.0.0.1:80"), 501);
        cases.put(rawGet("/v1/policies", "Accept: text/html"), 406);
        cases.put(request("POST", "/v1/assessments?policy=kakao-1015-2022", "Content-Type: application/json",
                "Content-Length: " + (40 * MAX_BYTES), "Accept: text/html"), 413);          // declared past max-swallow-size: refused unread
        cases.put(request("POST", "/v1/policies/content-user-protection/reload", "Content-Length: 0", "Authorization: Bearer wrong"), 401);
        cases.put(rawGet("/error"), 500);                                                     // the error dispatch itself

        int exercised = 0;
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            String what = c.getKey().lines().findFirst().orElseThrow();
            RawHttp.Response r;
            try {
                r = RawHttp.exchange(port, c.getKey(), 20_000);
            } catch (java.io.IOException e) {
                throw new AssertionError(what + ": no answer", e);
            }
            assertEquals(c.getValue(), r.status(), what + " -> " + r.body());
            assertTrue(r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/json"), what + " -> " + r.headers());
            JsonNode body = Json.mapper().readTree(r.body());
            Set<String> names = new TreeSet<>();
            body.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("field", "reason"), names, what + " -> " + r.body());
            assertFalse(body.get("reason").asText().isBlank(), what);
            for (String leak : new String[]{"<html", "Tomcat", "Exception", "\tat ", "/etc/passwd", "<script>"}) {
                assertFalse(r.body().contains(leak), what + " leaks '" + leak + "': " + r.body());
            }
            exercised++;
        }
        assertEquals(cases.size(), exercised);
    }

    @Test
    void anApiRefusalToABrowserIsJsonNotAPage() throws Exception {
        RawHttp.Response r = RawHttp.exchange(port, request("POST", "/v1/assessments?policy=kakao-1015-2022", "Content-Type: application/json",
                "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Content-Length: 2") + "42", 20_000);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.headers().toString());
        assertEquals("$", Json.mapper().readTree(r.body()).get("field").asText());
    }
}
