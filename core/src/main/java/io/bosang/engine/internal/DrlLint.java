package io.bosang.engine.internal;

import io.bosang.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a policy may not do, refused at build time with file and line: rules are code that analysts edit, so a rule
 * file must not reach the file system, the network, threads, the JVM or reflection, must not loop, must not mutate
 * facts or drive the engine, and must not read a clock or a random source (same input, same output).
 *
 * <p>The lint reads the DRL text with comments and string literals blanked out (so a derivation may say "while" or
 * quote a URL) and allows only: Bosang's domain, parameter, result and helper packages ({@code io.bosang.domain},
 * {@code .params}, {@code .result}, {@code .rules}), {@code java.time} and {@code java.math}, a short list of
 * {@code java.util} collection types, and {@code java.lang} except the classes that reach the JVM. It is an
 * allow-list for packages and imports and a deny-list for {@code java.lang} names and reflective or engine calls;
 * what it cannot see (a pathological computation such as a huge {@code BigDecimal.pow}) is bounded by the rule
 * firing cap and the trust model in docs/DESIGN.md, not by this class.
 */
public final class DrlLint {
    private static final Set<String> ALLOWED_PACKAGES = Set.of("io.bosang.domain", "io.bosang.params", "io.bosang.result",
            "io.bosang.rules", "java.time", "java.math");
    private static final Set<String> ALLOWED_UTIL = Set.of("List", "ArrayList", "Map", "HashMap", "TreeMap", "LinkedHashMap",
            "Set", "TreeSet", "HashSet", "LinkedHashSet", "Collections", "Arrays", "Optional", "Objects", "Locale", "Comparator",
            "SortedMap", "NavigableMap");
    /** java.lang (and other) simple names that reach the JVM, threads, the file system, the network or randomness. */
    private static final Pattern DENIED_NAME = Pattern.compile("\\b(System|Runtime|Thread|ThreadGroup|ThreadLocal|InheritableThreadLocal|Process|ProcessBuilder"
            + "|ProcessHandle|Class|ClassLoader|SecurityManager|StackWalker|Module|ModuleLayer|Compiler|Unsafe|MethodHandles|Proxy"
            + "|Executors|ExecutorService|ForkJoinPool|CompletableFuture|Timer|Files|Paths|Path|File|FileInputStream|FileOutputStream|FileReader"
            + "|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient|ObjectInputStream|ScriptEngineManager|Random"
            + "|SecureRandom|ThreadLocalRandom|UUID|Clock|InetAddress|Reflection)\\b");
    private static final Pattern DENIED_CALL = Pattern.compile("\\.\\s*(getClass|forName|getMethod|getMethods|getDeclaredMethod|getDeclaredMethods"
            + "|getDeclaredField|getDeclaredFields|getField|getFields|getConstructor|getDeclaredConstructor|invoke|newInstance|setAccessible|exit"
            + "|exec|halt|getRuntime|loadClass|defineClass|now|systemDefault|currentTimeMillis|nanoTime|getenv|getProperty)\\s*\\(");
    private static final Pattern LOOP = Pattern.compile("\\b(while|for|foreach|until|do)\\s*[({]");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    private static final Pattern ENGINE = Pattern.compile("\\b(drools|kcontext)\\s*\\.");
    private static final Pattern MUTATION = Pattern.compile("(?<![.\\w$])(modify|update|retract|delete|with)\\s*\\(");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\b");
    private static final Pattern USING = Pattern.compile("\\.\\s*using\\s*\\(");
    private static final Pattern MVEL_DEF = Pattern.compile("\\bdef\\s+[A-Za-z_]");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+|function\\s+)?([A-Za-z0-9_.]+(?:\\.\\*)?)\\s*;?");
    private static final Pattern PACKAGE_DECL = Pattern.compile("(?m)^\\s*package\\s+[A-Za-z0-9_.]+\\s*;?");
    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z][A-Za-z0-9_]*)");

    private DrlLint() {
    }

    /** The problems of one DRL file; empty when it keeps to what a policy may do. */
    public static List<Problem> check(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        String code = blankCommentsAndStrings(text);
        int[] lineStarts = lineStarts(code);
        find(problems, file, code, lineStarts, LOOP, m -> "'" + m.group(1) + "' loops are not allowed in a policy: "
                + "use a helper of io.bosang.rules (a loop can hang the engine)");
        find(problems, file, code, lineStarts, DENIED_NAME, m -> "'" + m.group(1) + "' is not allowed in a policy: rules may not reach "
                + "the JVM, threads, files, the network, clocks or randomness");
        find(problems, file, code, lineStarts, DENIED_CALL, m -> "'." + m.group(1) + "(...)' is not allowed in a policy (reflection, "
                + "process control, clocks or the environment)");
        find(problems, file, code, lineStarts, CLASS_LITERAL, m -> "class literals ('.class') are not allowed in a policy");
        find(problems, file, code, lineStarts, ENGINE, m -> "'" + m.group(1) + ".' is not allowed in a policy: rules may not drive the engine");
        find(problems, file, code, lineStarts, MUTATION, m -> "'" + m.group(1) + "(...)' is not allowed: derive new facts, never change or remove one");
        find(problems, file, code, lineStarts, GLOBAL, m -> "globals are not allowed in a policy");
        find(problems, file, code, lineStarts, USING, m -> "'.using(...)' is gone: a line cites by itself the parameter values its rule "
                + "read (read one with $p.get(\"id\") and it is cited; see docs/DESIGN.md, parameters cited by reading them)");
        find(problems, file, code, lineStarts, MVEL_DEF, m -> "MVEL 'def' functions are not allowed in a policy");
        find(problems, file, code, lineStarts, UNICODE_ESCAPE, m -> "unicode escapes outside strings are not allowed in a policy");
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String target = imports.group(2);
            String kind = imports.group(1) == null ? "" : imports.group(1).trim() + " ";
            if (!kind.isEmpty() || !allowedImport(target)) {
                problems.add(new Problem(file, lineOf(lineStarts, imports.start(2)), "import", "import " + kind + target
                        + " is not allowed: a policy may import io.bosang.domain, .params, .result, .rules, java.time, java.math and java.util collections"));
            }
        }
        String body = PACKAGE_DECL.matcher(IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length())))
                .replaceAll(m -> " ".repeat(m.group().length()));
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            if (!allowedType(q.group(1), q.group(2))) {
                problems.add(new Problem(file, lineOf(lineStarts, q.start()), "lint", q.group(1) + "." + q.group(2)
                        + " is not allowed in a policy: only Bosang's domain, result and helper types, java.time, java.math and java.util collections"));
            }
        }
        problems.sort(Problem.ORDER);
        return problems;
    }

    private interface Message {
        String of(Matcher m);
    }

    private static void find(List<Problem> problems, String file, String code, int[] lineStarts, Pattern p, Message message) {
        Matcher m = p.matcher(code);
        while (m.find()) problems.add(new Problem(file, lineOf(lineStarts, m.start()), "lint", message.of(m)));
    }

    private static boolean allowedImport(String target) {
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            return ALLOWED_PACKAGES.contains(pkg);
        }
        int dot = target.lastIndexOf('.');
        return dot > 0 && allowedType(target.substring(0, dot), target.substring(dot + 1));
    }

    private static boolean allowedType(String pkg, String type) {
        if (ALLOWED_PACKAGES.contains(pkg)) return !type.equals("Clock");   // java.time's clock is the one source of "now"
        if (pkg.equals("java.util")) return ALLOWED_UTIL.contains(type);
        if (pkg.equals("java.lang")) return !DENIED_NAME.matcher(type).matches();
        return false;
    }

    /** The text with comments and string literals replaced by spaces, line ends kept, so positions and lines hold. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') { b.append(' '); i++; }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (; i < stop; i++) b.append(text.charAt(i) == '\n' ? '\n' : ' ');
            } else if (c == '"' || c == '\'') {
                b.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') { b.append("  "); i += 2; continue; }
                    b.append(' ');
                    i++;
                }
                if (i < n && text.charAt(i) == c) { b.append(c); i++; }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }
}
