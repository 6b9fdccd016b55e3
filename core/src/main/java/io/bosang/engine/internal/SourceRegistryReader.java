package io.bosang.engine.internal;

import io.bosang.internal.files.ResourceFolders;
import io.bosang.internal.yaml.YamlNodes;
import io.bosang.problem.Problem;
import io.bosang.law.Bilingual;
import io.bosang.law.Quotation;
import io.bosang.law.Source;
import io.bosang.law.SourceKind;
import io.bosang.law.SourceRegistry;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the source registry: the shared one on the class path ({@code sources/*.yaml}, shipped with the rules) and a
 * policy folder's own {@code sources.yaml}. One file holds a mapping {@code sources:} of id to entry:
 *
 * <pre>
 * sources:
 *   tba:
 *     kind: statute
 *     title: {ko: 전기통신사업법, en: Telecommunications Business Act}
 *     short: {en: Telecommunications Business Act}      # optional: how a sentence names it
 *     issuer: National Assembly
 *     date: "2018-12-24"                                # YYYY, YYYY-MM or YYYY-MM-DD; optional
 *     article: Art. 33                                  # optional: when the entry is one provision
 *     url: https://…                                    # optional
 *     via: [press.lawtimes-155003]                      # optional: the sources through which we know it
 *     quotations:                                       # optional
 *       - {fidelity: paraphrase, lang: en, text: "…"}
 *       - {fidelity: verbatim, lang: ko, text: "…", held-in: "https://…"}   # verbatim: copied from a text we hold
 *     note: …                                           # optional
 * </pre>
 *
 * Every mistake is a {@link Problem} with file, line and key.
 */
public final class SourceRegistryReader {
    public static final String ROOT = "sources";
    /** A policy folder's own sources, beside policy.yaml. */
    public static final String LOCAL_FILE = "sources.yaml";
    private static final Set<String> ENTRY_KEYS = Set.of("kind", "title", "short", "issuer", "date", "article", "url", "via", "quotations", "note");
    private static final Set<String> TEXT_KEYS = Set.of("en", "ko");
    private static final Set<String> QUOTE_KEYS = Set.of("fidelity", "lang", "text", "held-in");
    private static volatile Shared shared;

    private SourceRegistryReader() {
    }

    /** The shared registry and what was wrong with it (nothing, normally). */
    public record Shared(SourceRegistry registry, List<Problem> problems) {
    }

    /** The shared registry from the class path of {@code loader}, read once per process. */
    public static Shared shared(ClassLoader loader) {
        Shared s = shared;
        if (s == null) {
            synchronized (SourceRegistryReader.class) {
                if (shared == null) shared = readShared(loader);
                s = shared;
            }
        }
        return s;
    }

    private static Shared readShared(ClassLoader loader) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Path> paths = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                Path root = ResourceFolders.toPath(roots.nextElement());
                if (root == null || !Files.isDirectory(root)) continue;
                try (Stream<Path> list = Files.list(root)) {
                    for (Path f : list.sorted().toList()) {
                        String name = ROOT + "/" + f.getFileName().toString().replace("/", "");
                        if (name.endsWith(".yaml") && !files.containsKey(name)) {
                            files.put(name, Files.readAllBytes(f));
                            paths.put(name, f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Source> all = new TreeMap<>();
        Map<String, String> where = new TreeMap<>();
        for (Map.Entry<String, Path> f : paths.entrySet()) read(f.getValue(), f.getKey(), all, where, problems);
        checkVia(all, where, problems);
        return new Shared(new SourceRegistry(all, ContentHash.of(files)), List.copyOf(problems));
    }

    /**
     * The registry a policy in {@code dir} sees: the shared one plus its folder's {@code sources.yaml}, whose ids
     * must not repeat the shared ones.
     */
    public static SourceRegistry forPolicy(Path dir, SourceRegistry shared, List<Problem> problems) {
        Path local = dir.resolve(LOCAL_FILE);
        if (!Files.isRegularFile(local)) return shared;
        Map<String, Source> mine = new TreeMap<>();
        Map<String, String> where = new TreeMap<>();
        int before = problems.size();
        read(local, LOCAL_FILE, mine, where, problems);
        for (String id : mine.keySet()) {
            if (shared.contains(id)) {
                problems.add(new Problem(LOCAL_FILE, 0, id, "source '" + id + "' is already in the shared registry: cite it, do not redefine it"));
            }
        }
        SourceRegistry merged = shared.with(mine, "local");
        if (problems.size() == before) checkVia(mine, where, merged, problems);
        return merged;
    }

    private static void checkVia(Map<String, Source> all, Map<String, String> where, List<Problem> problems) {
        checkVia(all, where, new SourceRegistry(all, ""), problems);
    }

    private static void checkVia(Map<String, Source> mine, Map<String, String> where, SourceRegistry visible, List<Problem> problems) {
        for (Source s : mine.values()) {
            for (String v : s.via()) {
                if (!visible.contains(v)) {
                    String at = where.getOrDefault(s.id(), "");
                    int colon = at.lastIndexOf(':');
                    problems.add(new Problem(colon < 0 ? at : at.substring(0, colon), colon < 0 ? 0 : Integer.parseInt(at.substring(colon + 1)),
                            s.id() + ".via", "'" + v + "' is not in the source registry"));
                }
            }
        }
    }

    /** Reads one registry file into {@code into}; {@code where} records each id's file and line. */
    static void read(Path file, String name, Map<String, Source> into, Map<String, String> where, List<Problem> problems) {
        YamlNodes yaml = new YamlNodes(name, problems);
        Node root = yaml.parse(file);
        if (root == null) return;
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", Set.of("sources"));
        YamlNodes.Entry sources = top.get("sources");
        if (sources == null) {
            yaml.problem(1, "sources", "missing 'sources:' (a mapping of source id to entry)");
            return;
        }
        Map<String, YamlNodes.Entry> entries = yaml.mapping(sources.value(), "sources", null);
        for (YamlNodes.Entry e : entries.values()) {
            String id = e.key();
            if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
                yaml.problem(e.line(), id, "'" + id + "' is not a source id: lower-case letters, digits, dots and dashes");
                continue;
            }
            if (into.containsKey(id)) {
                yaml.problem(e.line(), id, "source '" + id + "' is defined twice (also at " + where.get(id) + ")");
                continue;
            }
            Source s = entry(yaml, id, e);
            if (s != null) {
                into.put(id, s);
                where.put(id, name + ":" + e.line());
            }
        }
    }

    private static Source entry(YamlNodes yaml, String id, YamlNodes.Entry e) {
        int before = yaml.problemCount();
        Map<String, YamlNodes.Entry> m = yaml.mapping(e.value(), id, ENTRY_KEYS);
        String kindText = yaml.required(m, "kind", id, e.line());
        SourceKind kind = kindText == null ? null : SourceKind.of(kindText.trim());
        if (kindText != null && kind == null) {
            List<String> kinds = new ArrayList<>();
            for (SourceKind k : SourceKind.values()) kinds.add(k.id());
            yaml.problem(m.get("kind").line(), id + ".kind", "unknown kind '" + kindText + "'; use one of " + String.join(", ", kinds));
        }
        Bilingual title = text(yaml, m, "title", id, e.line(), true);
        Bilingual shortTitle = m.containsKey("short") ? text(yaml, m, "short", id, e.line(), false) : null;
        Bilingual issuer = null;
        if (!m.containsKey("issuer")) {
            yaml.problem(e.line(), id + ".issuer", "missing required key 'issuer' (who issued or published it)");
        } else if (m.get("issuer").value() instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            issuer = text(yaml, m, "issuer", id, e.line(), false);
        } else {
            String one = yaml.required(m, "issuer", id, e.line());
            issuer = one == null ? null : new Bilingual(one.trim(), "");
        }
        String date = yaml.optional(m, "date", id);
        if (date != null && !date.trim().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            yaml.problem(m.get("date").line(), id + ".date", "'" + date + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        String article = yaml.optional(m, "article", id);
        String url = yaml.optional(m, "url", id);
        if (url != null && !url.trim().matches("https?://\\S+")) {
            yaml.problem(m.get("url").line(), id + ".url", "'" + url + "' is not an http(s) address");
        }
        List<String> via = new ArrayList<>();
        if (m.containsKey("via")) {
            for (Node n : yaml.sequence(m.get("via").value(), id + ".via")) {
                String v = yaml.scalar(n, id + ".via");
                if (v != null) via.add(v.trim());
            }
        }
        List<Quotation> quotations = new ArrayList<>();
        if (m.containsKey("quotations")) {
            int i = 0;
            for (Node n : yaml.sequence(m.get("quotations").value(), id + ".quotations")) {
                String ctx = id + ".quotations[" + i++ + "]";
                Map<String, YamlNodes.Entry> q = yaml.mapping(n, ctx, QUOTE_KEYS);
                String fidelityText = yaml.required(q, "fidelity", ctx, YamlNodes.line(n));
                Quotation.Fidelity fidelity = fidelityText == null ? null : Quotation.Fidelity.of(fidelityText.trim());
                if (fidelityText != null && fidelity == null) {
                    yaml.problem(q.get("fidelity").line(), ctx + ".fidelity", "'" + fidelityText + "' is not verbatim or paraphrase");
                }
                String lang = yaml.required(q, "lang", ctx, YamlNodes.line(n));
                if (lang != null && !lang.equals("ko") && !lang.equals("en")) {
                    yaml.problem(q.get("lang").line(), ctx + ".lang", "'" + lang + "' is not ko or en");
                }
                String text = yaml.required(q, "text", ctx, YamlNodes.line(n));
                String heldIn = yaml.optional(q, "held-in", ctx);
                if (fidelity == Quotation.Fidelity.VERBATIM && (heldIn == null || heldIn.isBlank())) {
                    yaml.problem(YamlNodes.line(n), ctx + ".held-in", "a verbatim quotation says where we hold its text (held-in: the address or "
                            + "document it is copied from); a text we do not hold is a paraphrase");
                }
                if (fidelity != null && text != null) quotations.add(new Quotation(fidelity, lang, text, heldIn));
            }
        }
        String note = yaml.optional(m, "note", id);
        if (yaml.problemCount() > before || kind == null || title == null || issuer == null) return null;
        return new Source(id, kind, title, shortTitle, issuer, date == null ? "" : date.trim(), article == null ? "" : article.trim(),
                url == null ? "" : url.trim(), via, quotations, note == null ? "" : note.trim());
    }

    private static Bilingual text(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String key, String id, int line, boolean bothRequired) {
        YamlNodes.Entry e = m.get(key);
        if (e == null) {
            yaml.problem(line, id + "." + key, "missing required key '" + key + "' ({ko: …, en: …})");
            return null;
        }
        Map<String, YamlNodes.Entry> t = yaml.mapping(e.value(), id + "." + key, TEXT_KEYS);
        String en = bothRequired ? yaml.required(t, "en", id + "." + key, e.line()) : yaml.optional(t, "en", id + "." + key);
        String ko = bothRequired ? yaml.required(t, "ko", id + "." + key, e.line()) : yaml.optional(t, "ko", id + "." + key);
        if (bothRequired && (en == null || ko == null)) return null;
        return new Bilingual(en == null ? "" : en.trim(), ko == null ? "" : ko.trim());
    }

    /** For tests: forget the shared registry, so the next policy build reads it again. */
    static void forgetShared() {
        shared = null;
    }
}
