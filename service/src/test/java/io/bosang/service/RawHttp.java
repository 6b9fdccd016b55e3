package io.bosang.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain loopback socket, for what {@link java.net.http.HttpClient} refuses to send (a bad %-escape,
 * {@code %2e%2e}, TRACE, CONNECT, a broken header) or cannot pace (a body trickled byte by byte).
 */
final class RawHttp {
    private RawHttp() {
    }

    /** A response: status, headers (names in lower case) and the body (de-chunked). */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Socket open(int port, int readTimeoutMillis) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(readTimeoutMillis);
        return s;
    }

    /** Sends {@code request} as it is and reads the response until the server closes the connection. */
    static Response exchange(int port, String request, int readTimeoutMillis) throws IOException {
        try (Socket s = open(port, readTimeoutMillis)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    /** Reads one response to its end: the connection's end, its Content-Length, or its last chunk. */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {   // CR LF CR LF
            int b = in.read();
            if (b < 0) throw new IOException("the connection ended before the response headers: " + head.toString(StandardCharsets.ISO_8859_1));
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in).trim();
                int n = Integer.parseInt(size.contains(";") ? size.substring(0, size.indexOf(';')) : size, 16);
                if (n == 0) break;
                out.write(in.readNBytes(n));
                line(in);
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readToEnd(in);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.append((char) c);
        return b.toString();
    }
}
