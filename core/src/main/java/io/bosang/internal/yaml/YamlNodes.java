package io.bosang.internal.yaml;

import io.bosang.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML as SnakeYAML nodes, keeping line numbers, so every analyst mistake is reported with file, line and key.
 * Values are taken as written (never converted through binary floating point). Duplicate keys are reported, not
 * silently overwritten. Every file is read within bounds (size, unbroken runs, nesting, aliases, expansion), so a
 * hostile or mistaken file is refused at its line instead of exhausting memory or time.
 */
public final class YamlNodes {
    /** The largest policy, parameter, incident or scenario file: 1 MiB (the largest shipped is 11 KB). */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The longest run of characters without a space or line break (the longest shipped is a URL of about 200). */
    public static final int MAX_UNBROKEN_CHARS = 10_000;
    /** How deep lists and mappings nest. */
    public static final int MAX_NESTING_DEPTH = 50;
    /** Aliases of lists or mappings ({@code <<: *claim}) in one file (the most in a shipped file is 28). */
    public static final int MAX_ALIASES = 500;
    /** The most nodes one value may stand for once its aliases are expanded. */
    public static final int MAX_EXPANDED_NODES = 100_000;

    private final String file;
    private final List<Problem> problems;

    public YamlNodes(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** How many problems have been recorded so far (to tell whether a part read cleanly). */
    public int problemCount() {
        return problems.size();
    }

    public String file() {
        return file;
    }

    /**
     * Parses {@code path}; on a syntax error, or a file over {@link #MAX_FILE_BYTES}, records a located problem and
     * returns null.
     */
    public Node parse(Path path) {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                problem(0, "", String.format(Locale.ROOT, "the file is %,d bytes; a policy, parameter, incident or scenario file holds at most %,d bytes (1 MiB)",
                        size, MAX_FILE_BYTES));
                return null;
            }
        } catch (IOException e) {
            problem(0, "", "cannot read file: " + e.getMessage());
            return null;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException | UncheckedIOException e) {
            problem(0, "", "cannot read file: " + e.getMessage());
            return null;
        }
    }

    /**
     * Parses YAML within bounds, each refusal with its line: at most {@link #MAX_FILE_BYTES} characters, no run of
     * more than {@link #MAX_UNBROKEN_CHARS} characters without a space or line break (SnakeYAML's scanner re-copies
     * its look-ahead while it scans one run, so its time grows with the square of the run: a 10 MB quoted string took
     * 23 s), nesting at most {@link #MAX_NESTING_DEPTH}, at most {@link #MAX_ALIASES} aliases of lists or mappings, and
     * no node whose aliases expand it past {@link #MAX_EXPANDED_NODES} nodes (a "billion laughs" bomb) or into itself.
     */
    public Node parse(Reader reader) {
        String text;
        try {
            text = readBounded(reader);
        } catch (IOException e) {
            problem(0, "", "cannot read file: " + e.getMessage());
            return null;
        }
        if (text == null) {
            problem(0, "", String.format(Locale.ROOT, "the file holds more than %,d characters; a policy, parameter, incident or scenario file holds at most 1 MiB",
                    MAX_FILE_BYTES));
            return null;
        }
        int longRun = longRunLine(text);
        if (longRun > 0) {
            problem(longRun, "", String.format(Locale.ROOT, "a run of more than %,d characters without a space or line break; split the text", MAX_UNBROKEN_CHARS));
            return null;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below with their line, instead of a bare exception
            options.setCodePointLimit(MAX_FILE_BYTES);
            options.setNestingDepthLimit(MAX_NESTING_DEPTH);
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setAllowRecursiveKeys(false);
            BoundedComposer composer = new BoundedComposer(new ParserImpl(new StreamReader(text), options), options);
            return composer.getSingleNode();
        } catch (Refused e) {
            problem(e.line, "", e.getMessage());
            return null;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, "", "not valid YAML: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
            return null;
        }
    }

    /** The whole text, or null when it is longer than {@link #MAX_FILE_BYTES} characters (reading stops there). */
    private static String readBounded(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] chunk = new char[8192];
        int n;
        while ((n = reader.read(chunk)) >= 0) {
            out.append(chunk, 0, n);
            if (out.length() > MAX_FILE_BYTES) return null;
        }
        return out.toString();
    }

    /** The 1-based line of the first run of more than {@link #MAX_UNBROKEN_CHARS} non-blank characters, or 0. One pass. */
    private static int longRunLine(String text) {
        int line = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                run = 0;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                run = 0;
            } else if (++run > MAX_UNBROKEN_CHARS) {
                return line;
            }
        }
        return 0;
    }

    /**
     * SnakeYAML's composer with two more bounds, both reported at a line: the expanded size of each list or mapping
     * (what a consumer walking the nodes would visit, aliases included) and aliases that point into themselves. Its own
     * unmarked refusals (too many aliases, too deep) get the line of the list or mapping being read.
     */
    private static final class BoundedComposer extends Composer {
        private final Map<Node, Long> expanded = new IdentityHashMap<>();

        BoundedComposer(ParserImpl parser, LoaderOptions options) {
            super(parser, new Resolver(), options);
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            Mark at = parser.peekEvent().getStartMark();
            SequenceNode node;
            try {
                node = (SequenceNode) super.composeSequenceNode(anchor);
            } catch (MarkedYAMLException | Refused e) {
                throw e;
            } catch (YAMLException e) {
                throw new Refused(at, "not valid YAML: " + e.getMessage());
            }
            long size = 1;
            for (Node child : node.getValue()) size = Math.addExact(size, sizeOf(child, node));
            return record(node, size);
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            Mark at = parser.peekEvent().getStartMark();
            MappingNode node;
            try {
                node = (MappingNode) super.composeMappingNode(anchor);
            } catch (MarkedYAMLException | Refused e) {
                throw e;
            } catch (YAMLException e) {
                throw new Refused(at, "not valid YAML: " + e.getMessage());
            }
            long size = 1;
            for (NodeTuple t : node.getValue()) {
                size = Math.addExact(size, sizeOf(t.getKeyNode(), node));
                size = Math.addExact(size, sizeOf(t.getValueNode(), node));
            }
            return record(node, size);
        }

        private Node record(Node node, long size) {
            if (size > MAX_EXPANDED_NODES) {
                throw new Refused(node.getStartMark(), String.format(Locale.ROOT,
                        "this value expands to more than %,d nodes through its aliases (a YAML bomb?); write it out or use fewer aliases",
                        MAX_EXPANDED_NODES));
            }
            expanded.put(node, size);
            return node;
        }

        private long sizeOf(Node child, Node parent) {
            if (child instanceof ScalarNode) return 1;
            Long size = expanded.get(child);
            if (size == null) {
                // A list or mapping that is not complete yet is an ancestor: the alias points into itself.
                throw new Refused(parent.getStartMark(), "an alias refers to a list or mapping that contains it (a recursive alias)");
            }
            return size;
        }
    }

    /** A refusal of the bounded parser, with its 1-based line. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        Refused(Mark at, String message) {
            super(message, null, false, false);
            this.line = at == null ? 0 : at.getLine() + 1;
        }
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public void problem(int line, String key, String message) {
        problems.add(new Problem(file, line, key, message));
    }

    public void problem(Node node, String key, String message) {
        problem(line(node), key, message);
    }

    /**
     * The entries of a mapping in file order, keyed by their text. Reports duplicate keys and keys outside
     * {@code allowed} (when non-null). Returns an empty map (after a problem) when {@code node} is not a mapping.
     */
    public Map<String, Entry> mapping(Node node, String context, Set<String> allowed) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, context, (context.isEmpty() ? "the file" : "'" + context + "'") + " must be a mapping of keys to values");
            return out;
        }
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
            if ("<<".equals(key) && tuple.getValueNode() instanceof MappingNode base) {
                merged.addAll(base.getValue()); // YAML merge key: the anchor's entries, unless written here
                continue;
            }
            String path = context.isEmpty() ? key : context + "." + key;
            if (out.containsKey(key)) {
                problem(keyNode, path, "duplicate key '" + key + "' (first at line " + out.get(key).line() + ")");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(keyNode, path, "unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
                continue;
            }
            out.put(key, new Entry(key, line(keyNode), tuple.getValueNode()));
        }
        for (NodeTuple tuple : merged) {
            if (tuple.getKeyNode() instanceof ScalarNode k && !out.containsKey(k.getValue())
                    && (allowed == null || allowed.contains(k.getValue()))) {
                out.put(k.getValue(), new Entry(k.getValue(), line(k), tuple.getValueNode()));
            }
        }
        return out;
    }

    /** A scalar's text, or null for YAML null; records a problem when the node is not a scalar. */
    public String scalar(Node node, String key) {
        if (node == null) return null;
        if (node instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) return null;
            return s.getValue();
        }
        problem(node, key, "'" + key + "' must be a single value, not a list or mapping");
        return null;
    }

    /** The text of a required scalar; records "missing" when absent or blank. */
    public String required(Map<String, Entry> entries, String key, String context, int lineIfMissing) {
        Entry e = entries.get(key);
        String path = context.isEmpty() ? key : context + "." + key;
        if (e == null) {
            problem(lineIfMissing, path, "missing required key '" + key + "'");
            return null;
        }
        String v = scalar(e.value(), path);
        if (v == null || v.isBlank()) {
            problem(e.line(), path, "'" + key + "' must not be empty");
            return null;
        }
        return v;
    }

    public String optional(Map<String, Entry> entries, String key, String context) {
        Entry e = entries.get(key);
        return e == null ? null : scalar(e.value(), context.isEmpty() ? key : context + "." + key);
    }

    /** The items of a sequence; records a problem when the node is not a sequence. */
    public List<Node> sequence(Node node, String key) {
        if (node instanceof SequenceNode seq) return new ArrayList<>(seq.getValue());
        problem(node, key, "'" + key + "' must be a list");
        return List.of();
    }

    /** A key of a mapping with the line of the key and its value node. */
    public record Entry(String key, int line, Node value) {
    }
}
