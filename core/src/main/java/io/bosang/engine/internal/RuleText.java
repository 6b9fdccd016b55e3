package io.bosang.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule's text names, read when the policy is built: the parameters its conditions compare and its
 * consequence reads by a literal key, and whether the consequence reads one by a computed key. Used for the
 * catalogue, to fail the build on a parameter that does not exist, and to cite what a condition compared (a
 * condition's reads happen while Drools matches, outside any firing, so the engine cannot attribute them as it runs).
 * What a consequence reads is cited from the reads themselves, at run time.
 */
final class RuleText {
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern PARAMS_BINDING = Pattern.compile("(\\$[A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*Params\\s*\\(");
    private static final String READERS = "get|decimal|krw|integer|text|flag|dateValue|hours|days|scale";

    /** Literal keys the conditions read. */
    final List<String> conditionKeys;
    /** Literal keys the consequence reads. */
    final List<String> consequenceKeys;
    /** The consequence reads a key it computes. */
    final boolean computedKeys;
    /** A condition reads a key it computes (refused: such a read could not be cited). */
    final boolean computedInConditions;

    private RuleText(List<String> conditionKeys, List<String> consequenceKeys, boolean computedKeys, boolean computedInConditions) {
        this.conditionKeys = conditionKeys;
        this.consequenceKeys = consequenceKeys;
        this.computedKeys = computedKeys;
        this.computedInConditions = computedInConditions;
    }

    /** Every literal key the rule names, sorted. */
    List<String> allKeys() {
        TreeSet<String> all = new TreeSet<>(conditionKeys);
        all.addAll(consequenceKeys);
        return List.copyOf(all);
    }

    static RuleText of(String ruleText) {
        String code = LINE_COMMENT.matcher(ruleText).replaceAll("");
        Matcher when = WHEN.matcher(code);
        Matcher then = THEN.matcher(code);
        int w = when.find() ? when.end() : 0;
        int t = then.find(w) ? then.start() : code.length();
        String conditions = code.substring(w, Math.max(w, t));
        String consequence = t < code.length() ? code.substring(t) : "";
        List<String> bindings = new ArrayList<>();
        Matcher b = PARAMS_BINDING.matcher(conditions);
        while (b.find()) bindings.add(b.group(1));
        TreeSet<String> inConditions = new TreeSet<>();
        TreeSet<String> inConsequence = new TreeSet<>();
        boolean computed = false;
        boolean computedInConditions = false;
        for (String binding : bindings) {
            String v = Pattern.quote(binding);
            Pattern literal = Pattern.compile(v + "\\s*\\.\\s*(?:" + READERS + ")\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
            Pattern computedRead = Pattern.compile(v + "\\s*\\.\\s*(?:" + READERS + ")\\s*\\(\\s*(?!\"[^\"]*\"\\s*\\))[^)\\s]");
            collect(literal, conditions, inConditions);
            collect(literal, consequence, inConsequence);
            if (computedRead.matcher(consequence).find()) computed = true;
            if (computedRead.matcher(conditions).find()) computedInConditions = true;
        }
        return new RuleText(List.copyOf(inConditions), List.copyOf(inConsequence), computed, computedInConditions);
    }

    private static void collect(Pattern p, String text, TreeSet<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) into.add(m.group(1));
    }
}
