package io.bosang.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The workbench's pages over plain HTTP: every page renders, and uploads are bounded and checked — a zip that
 * climbs out of its folder, a zip bomb, a file a policy folder does not hold, an upload over the limit, a save
 * without the admin token are all refused with a page that says why.
 */
class WorkbenchPagesTest extends ServiceTestSupport {
    HttpResponse<String> send(String path, Multipart form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).header("Content-Type", form.contentType())
                .POST(form.body()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> form(String path, String... pairs) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A working copy of content-user-protection; its path. */
    String copy() throws Exception {
        HttpResponse<String> r = form("/workbench/copies", "policy", "content-user-protection");
        assertEquals(302, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void everyPageRenders() throws Exception {
        for (String p : new String[]{"/", "/policies/kakao-1015-2022", "/policies/content-user-protection", "/try", "/workbench", "/compare", copy()}) {
            HttpResponse<String> r = get(p);
            assertEquals(200, r.statusCode(), p + ": " + r.body());
            assertTrue(r.body().contains("<main id=\"main\""), p);
            assertFalse(r.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), p + " links nothing outside the service");
        }
        assertEquals(404, get("/policies/no-such-policy").statusCode());
    }

    @Test
    void aZipThatClimbsOutOfItsFolderIsRefused() throws Exception {
        HttpResponse<String> r = send("/workbench/copies/upload", new Multipart().file("zip", "p.zip",
                zip("policy.yaml", "id: x\n", "../../etc/evil.drl", "rule")));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("path is not allowed"), r.body());
    }

    @Test
    void aZipBombIsRefusedAtTheExpandedLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("policy.yaml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) z.write(zeros);        // 40 MB of zeros, a few tens of KB packed
            z.closeEntry();
        }
        assertTrue(bytes.size() < 1 << 20);
        HttpResponse<String> r = send("/workbench/copies/upload", new Multipart().file("zip", "bomb.zip", bytes.toByteArray()));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("expands to more than"), r.body());
    }

    @Test
    void aZipOfAPolicyFolderBecomesAWorkingCopyThatDownloadsAsItCame() throws Exception {
        String copy = copy();
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(uri(copy + "/zip")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        HttpResponse<String> up = send("/workbench/copies/upload", new Multipart().file("zip", "cup.zip", zip.body()));
        assertEquals(302, up.statusCode(), up.body());
        HttpResponse<String> page = get(up.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertTrue(page.body().contains("id=\"build-ok\""), page.body());
    }

    @Test
    void filesAPolicyFolderDoesNotHoldAreRefused() throws Exception {
        String copy = copy();
        HttpResponse<String> exe = send(copy + "/files", new Multipart().file("file", "run.sh", "#!/bin/sh".getBytes()));
        assertEquals(400, exe.statusCode());
        HttpResponse<String> climb = send(copy + "/files", new Multipart().field("path", "../outside.drl").file("file", "x.drl", "x".getBytes()));
        assertEquals(400, climb.statusCode());
        HttpResponse<String> zipped = send("/workbench/copies/upload", new Multipart().file("zip", "p.zip", zip("policy.yaml", "id: x\n", "tool.jar", "x")));
        assertEquals(400, zipped.statusCode());
        assertTrue(zipped.body().contains("a file a policy folder does not"), zipped.body());
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> r = send("/workbench/copies/upload", new Multipart().file("zip", "big.zip", new byte[9 << 20]));
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void savingWithoutTheAdminTokenIsRefused() throws Exception {
        String copy = copy();
        assertEquals(401, form(copy + "/save", "token", "wrong").statusCode());
        assertEquals(401, form(copy + "/save").statusCode());
    }

    @Test
    void aParameterValueIsEditedInItsFileAndABadOneIsNamedAtItsLine() throws Exception {
        String copy = copy();
        assertEquals(302, form(copy + "/parameters", "parameter", "no_notice_multiplier", "from", "2012-01-01", "value", "-2").statusCode());
        HttpResponse<String> page = get(copy);
        assertTrue(page.body().contains("parameters/no_notice_multiplier.yaml:"), page.body());
        assertTrue(page.body().contains("below the minimum"), page.body());
        assertEquals(400, form(copy + "/parameters", "parameter", "no_such", "from", "2012-01-01", "value", "1").statusCode());
    }
}
