package io.bosang.engine.internal;

import io.bosang.engine.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML as SnakeYAML nodes, keeping line numbers, so every analyst mistake is reported with file, line and key.
 * Values are taken as written (never converted through binary floating point). Duplicate keys are reported, not
 * silently overwritten.
 */
public final class YamlNodes {
    private final String file;
    private final List<Problem> problems;

    public YamlNodes(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    /** Parses {@code path}; on a syntax error records a located problem and returns null. */
    public Node parse(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            problem(0, "", "cannot read file: " + e.getMessage());
            return null;
        }
    }

    public Node parse(Reader reader) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below with their line, instead of a bare exception
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, "", "not valid YAML: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
            return null;
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
