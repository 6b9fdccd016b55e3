package io.bosang.service.workbench;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads uploads within bounds: the size of each file (also enforced by the multipart limits), and for a zip of a
 * policy folder the count of entries, the bytes they expand to (a zip bomb stops at the limit, read as it inflates,
 * not trusted from the headers), and every entry's path (no {@code ..}, no absolute path, only policy files).
 * Nothing uploaded is ever logged.
 */
@Component
public class Uploads {
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*\"?([A-Za-z0-9][A-Za-z0-9._-]*)\"?\\s*$");
    private final WorkbenchProperties props;

    public Uploads(WorkbenchProperties props) {
        this.props = props;
    }

    /** An upload that cannot be taken, with a reason an analyst can act on (rendered on the page, never logged). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The bytes of an uploaded file, refused when empty or over the limit. */
    public byte[] bytes(MultipartFile file, String what) {
        if (file == null || file.isEmpty()) throw new Refused("choose a " + what + " to upload");
        if (file.getSize() > props.maxUploadBytes().toBytes()) throw new Refused(what + " is larger than " + props.maxUploadBytes());
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) props.maxUploadBytes().toBytes() + 1);
        } catch (IOException e) {
            throw new Refused("cannot read the uploaded " + what);
        }
    }

    /** A policy folder from a zip: its id (from policy.yaml) and its files by path relative to the folder. */
    public record PolicyZip(String policyId, Map<String, byte[]> files) {
    }

    /**
     * Unpacks a zip of one policy folder: {@code policy.yaml} at the top, or inside one top folder (as the
     * workbench's own download has it). Refuses traversal, unknown kinds of file, too many entries and too many bytes.
     */
    public PolicyZip policyZip(byte[] zip) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        long total = 0;
        long limit = props.maxZipBytes().toBytes();
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                if (raw.size() >= props.maxZipEntries()) throw new Refused("the zip holds more than " + props.maxZipEntries() + " files");
                String name = e.getName();
                if (!SafePaths.isSafe(name)) throw new Refused("the zip has an entry whose path is not allowed: " + shorten(name));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) throw new Refused("the zip expands to more than " + props.maxZipBytes() + "; refused");
                    out.write(buffer, 0, n);
                }
                raw.put(name, out.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("not a readable zip file");
        }
        String prefix = raw.containsKey("policy.yaml") ? "" : null;
        if (prefix == null) {
            for (String name : raw.keySet()) {
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals("policy.yaml")) {
                    if (prefix != null) throw new Refused("the zip holds more than one policy folder");
                    prefix = name.substring(0, slash + 1);
                }
            }
        }
        if (prefix == null) throw new Refused("the zip has no policy.yaml (at the top or in one folder)");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : raw.entrySet()) {
            if (!f.getKey().startsWith(prefix)) throw new Refused("the zip holds files outside the policy folder: " + shorten(f.getKey()));
            String rel = f.getKey().substring(prefix.length());
            if (!SafePaths.isPolicyFile(rel)) throw new Refused("the zip holds a file a policy folder does not: " + shorten(rel));
            files.put(rel, f.getValue());
        }
        Matcher id = ID_LINE.matcher(new String(files.get("policy.yaml"), StandardCharsets.UTF_8));
        if (!id.find()) throw new Refused("policy.yaml has no id: line");
        return new PolicyZip(id.group(1), files);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
