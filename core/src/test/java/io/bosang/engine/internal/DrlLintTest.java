package io.bosang.engine.internal;

import io.bosang.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each thing a policy may not do, refused at its line; the same words in strings and comments are not. */
class DrlLintTest {
    private static final String HEAD = "package p;\nimport io.bosang.domain.*;\nimport io.bosang.result.*;\n";

    private static List<Problem> lint(String body) {
        return DrlLint.check("hostile.drl", HEAD + "rule \"R-1 r\"\n  @ruleId(\"R-1\")\n  @legalBasis(\"b\")\nwhen\n  Claim()\nthen\n" + body + "\nend\n");
    }

    private static void refused(String body, String messagePart) {
        List<Problem> p = lint(body);
        assertTrue(!p.isEmpty(), body + " was not refused");
        assertTrue(p.stream().allMatch(x -> x.file().equals("hostile.drl") && x.line() == 10), "all at the consequence's line: " + p);
        assertTrue(p.stream().anyMatch(x -> x.message().contains(messagePart)), p.toString());
    }

    @Test
    void loopsAreRefused() {
        refused("  while (true) { }", "'while' loops are not allowed");
        refused("  for (int i = 0; i < 10; i++) { }", "'for' loops are not allowed");
        refused("  do { } while (false);".replace(" while (false)", ""), "'do' loops are not allowed");
    }

    @Test
    void theJvmProcessesThreadsFilesAndTheNetworkAreRefused() {
        refused("  System.exit(1);", "'System' is not allowed");
        refused("  Runtime.getRuntime().halt(0);", "'Runtime' is not allowed");
        refused("  new Thread(null).start();", "'Thread' is not allowed");
        refused("  String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));", "'Files' is not allowed");
        refused("  Object u = new java.net.Socket(\"example.org\", 80);", "'Socket' is not allowed");
        assertTrue(lint("  Object o = new java.io.FileReader(\"/etc/passwd\");").stream().anyMatch(x -> x.message().contains("java.io.FileReader is not allowed")));
    }

    @Test
    void reflectionClassLoadingAndTheEngineAreRefused() {
        refused("  Object c = \"x\".getClass();", "'.getClass(...)' is not allowed");
        refused("  Object c = String.class;", "class literals");
        refused("  drools.halt();", "'drools.' is not allowed");
        refused("  kcontext.getKieRuntime();", "'kcontext.' is not allowed");
        refused("  Object m = Integer.valueOf(1).hashCode() > 0 ? null : Thread.currentThread();", "'Thread' is not allowed");
    }

    @Test
    void clocksRandomnessAndMutationAreRefused() {
        refused("  Object d = java.time.LocalDate.now();", "'.now(...)' is not allowed");
        refused("  double r = Math.random() ;".replace("Math.random()", "new Random().nextInt()"), "'Random' is not allowed");
        refused("  modify($c) { };".replace("$c", "x"), "'modify(...)' is not allowed");
        refused("  retract(x);", "'retract(...)' is not allowed");
    }

    @Test
    void importsOutsideTheAllowListAreRefusedAtTheirLine() {
        List<Problem> p = DrlLint.check("hostile.drl", "package p;\nimport java.io.File;\nimport java.util.List;\nimport static java.lang.System.exit;\n");
        assertEquals(List.of(2, 4), p.stream().map(Problem::line).distinct().sorted().toList(), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("import java.io.File is not allowed")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("import static java.lang.System.exit is not allowed")), p.toString());
    }

    @Test
    void wordsInStringsAndCommentsAreNotCode() {
        assertEquals(List.of(), lint("  // while (true) { System.exit(1); }\n  /* for (;;) */\n  String s = \"while (the outage lasted) see https://example.org/System.exit\";"));
    }

    @Test
    void unicodeEscapesOutsideStringsAreRefused() {
        refused("  \\u0053ystem.exit(1);", "unicode escapes");
    }
}
