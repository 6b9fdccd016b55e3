package io.bosang.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No rule turns an instant into a date or month itself: the offset it was written in would decide the day. Rules
 * ask {@code PolicyCalendar} ({@code $cal.dateOf}, {@code $cal.within}, {@code $cal.daysInMonthOf}...), which knows
 * the policy's zone. This lint fails the build on the calls that read or set an offset, in every shipped DRL file
 * (comments are not code and are skipped).
 */
class DrlTimeLintTest {
    static final Path POLICIES = Path.of("src/main/resources/policies");

    /** What a rule must not call on an instant, and what to use instead. */
    static final List<String[]> FORBIDDEN = List.of(
            new String[]{"\\btoLocalDate\\b", "$cal.dateOf(instant)"},
            new String[]{"\\btoLocalDateTime\\b", "$cal.format(instant) or $cal.dateOf(instant)"},
            new String[]{"\\bgetOffset\\b|\\.offset\\b", "the policy's zone ($cal), not the offset the instant was written in"},
            new String[]{"\\batOffset\\b|\\bwithOffsetSameInstant\\b|\\bwithOffsetSameLocal\\b", "$cal.startOfDay(day) / $cal.local(instant)"},
            new String[]{"\\batZoneSameInstant\\b|\\bZoneOffset\\b|\\bZoneId\\b", "$cal (the zone is policy.yaml's zone)"},
            new String[]{"\\batStartOfDay\\b", "$cal.startOfDay(day)"},
            new String[]{"\\bYearMonth\\.from\\b", "$cal.monthOf(instant)"},
            new String[]{"\\b(OffsetDateTime|LocalDate|ZonedDateTime|Instant)\\.now\\b", "nothing: a rule never reads the clock"});

    /** The violations in one DRL text, as "file:line: found X; use Y". */
    static List<String> violations(String file, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String code = stripComment(lines[i]);
            for (String[] f : FORBIDDEN) {
                Matcher m = Pattern.compile(f[0]).matcher(code);
                if (m.find()) out.add(file + ":" + (i + 1) + ": '" + m.group() + "' on an instant; use " + f[1]);
            }
        }
        return out;
    }

    /** The line without a // comment (a // inside a string literal stays code). */
    static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) inString = !inString;
            if (!inString && c == '/' && line.charAt(i + 1) == '/') return line.substring(0, i);
        }
        return line;
    }

    @Test
    void noShippedRuleReadsAnInstantsOffsetOrDateItself() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(POLICIES)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".drl")).sorted().toList()) {
                files++;
                found.addAll(violations(POLICIES.relativize(p).toString(), Files.readString(p)));
            }
        }
        assertTrue(files >= 13, "only " + files + " DRL files found: not exercised");
        assertEquals(List.of(), found, String.join("\n", found));
    }

    @Test
    void theLintFindsEachForbiddenCallAndIgnoresComments() {
        String drl = String.join("\n",
                "// filedAt.toLocalDate() in a comment is fine",
                "    Claim( !filedAt.toLocalDate().isBefore($p.dateValue(\"x\")) )",
                "    java.time.ZoneOffset z = $i.startedAt.getOffset();",
                "    OffsetDateTime d1 = $p.dateValue(\"d\").atStartOfDay().atOffset(z);",
                "    String s = \"a // not a comment\" + $o.end.toLocalDate();",
                "    boolean ok = $cal.within($c.filedAt, a, b); // toLocalDate after code is a comment");
        List<String> v = violations("x.drl", drl);
        assertEquals(6, v.size(), String.join("\n", v));
        assertTrue(v.get(0).startsWith("x.drl:2: 'toLocalDate'"), v.get(0));
        assertTrue(v.stream().anyMatch(x -> x.startsWith("x.drl:3: 'getOffset'")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("x.drl:3: 'ZoneOffset'")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("x.drl:4: 'atOffset'")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("x.drl:4: 'atStartOfDay'")), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.startsWith("x.drl:5: 'toLocalDate'")), v.toString());
    }
}
