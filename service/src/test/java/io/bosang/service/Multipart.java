package io.bosang.service;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A multipart/form-data body, as a browser sends a form with files, for the workbench's upload tests. */
final class Multipart {
    private final String boundary = "bosang-test-boundary-7731";
    private final java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    private final Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();

    Multipart field(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    Multipart file(String name, String fileName, byte[] content) {
        files.put(name, Map.entry(fileName, content));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach(e -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        files.forEach((k, f) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }
}
