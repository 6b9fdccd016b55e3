package io.bosang.rules;

import io.bosang.engine.Policy;
import io.bosang.problem.PolicyBuildException;
import io.bosang.engine.PolicyLoader;
import io.bosang.problem.Problem;
import io.bosang.engine.RuleInfo;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.law.Citation;
import io.bosang.law.Quotation;
import io.bosang.law.Source;
import io.bosang.params.Certainty;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterValue;
import io.bosang.report.ExposureSummary;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The law the shipped policies stand on is data: every citation names a registry entry, every parameter value says
 * how well it is known, a line resting on an assumed value says so and the exposure summary counts it, nothing
 * shipped carries a research-note number or confidence mark, and a Korean quotation in a rule comment is either one
 * the registry holds verbatim or says it is a paraphrase.
 */
class LawAsDataTest {
    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SAMPLE = Path.of("../samples/kakao-2022-10-15-claims.ndjson");

    @Test
    void everyCitationOfEveryShippedPolicyIsARegistryEntryAndEveryValueSaysHowWellItIsKnown() throws PolicyBuildException {
        int rules = 0, values = 0, manifestSources = 0;
        for (String id : PolicyLoader.available()) {
            Policy p = PolicyLoader.load(id);
            for (RuleInfo r : p.rules()) {
                assertFalse(r.citations().isEmpty(), id + " " + r.ruleId() + " cites no source");
                for (Citation c : r.citations()) assertNotNull(c.entry(), id + " " + r.ruleId() + ": " + c + " unresolved");
                rules++;
            }
            for (Parameter param : p.parameters().all()) {
                for (DatedValue v : param.values()) {
                    assertNotNull(v.certainty(), id + " " + param.id());
                    assertFalse(v.citations().isEmpty(), id + " " + param.id() + " " + v.from() + " cites no source");
                    for (Citation c : v.citations()) assertNotNull(c.entry(), id + " " + param.id() + ": " + c + " unresolved");
                    if (v.certainty() != Certainty.OFFICIAL) assertFalse(v.why().isBlank(), id + " " + param.id() + " " + v.from() + " says no why");
                    values++;
                }
            }
            for (var s : p.manifest().sources()) {
                assertNotNull(s.citation().entry(), id + " policy.yaml " + s.citation());
                manifestSources++;
            }
        }
        assertTrue(rules > 100 && values > 150 && manifestSources > 20, rules + " rules, " + values + " values, " + manifestSources + " sources");
    }

    @Test
    void nothingShippedCarriesAResearchNoteNumberOrAConfidenceMark() throws IOException {
        Pattern mark = Pattern.compile("FACTS|\\[(U|C|R|I|C/U|C×\\d)\\]");
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".xlsx")) continue;
                files++;
                String text = Files.readString(f);
                Matcher m = mark.matcher(text);
                if (m.find()) found.add(RESOURCES.relativize(f) + ": " + m.group());
            }
        }
        assertTrue(files > 200, files + " files");
        assertEquals(List.of(), found);
    }

    @Test
    void koreanQuotedInARuleCommentIsHeldVerbatimOrSaysItIsAParaphrase() throws IOException {
        List<String> verbatim = new ArrayList<>();
        for (Source s : PolicyLoader.sources().all()) {
            for (Quotation q : s.quotations()) if (q.fidelity() == Quotation.Fidelity.VERBATIM) verbatim.add(q.text());
        }
        Pattern quote = Pattern.compile("(paraphrase:\\s*)?\"([^\"]+)\"");
        Pattern hangul = Pattern.compile("[\\uac00-\\ud7a3]");
        List<String> unmarked = new ArrayList<>();
        int quotations = 0;
        try (Stream<Path> all = Files.walk(RESOURCES.resolve("policies"))) {
            for (Path f : all.filter(x -> x.toString().endsWith(".drl")).toList()) {
                List<String> block = new ArrayList<>();
                for (String line : (Files.readString(f) + "\n").split("\n", -1)) {
                    if (line.trim().startsWith("//")) {
                        block.add(line.trim().substring(2).trim());
                        continue;
                    }
                    Matcher m = quote.matcher(String.join(" ", block));
                    while (m.find()) {
                        if (!hangul.matcher(m.group(2)).find()) continue;
                        quotations++;
                        if (m.group(1) != null) continue;
                        boolean held = true;
                        for (String fragment : m.group(2).split("\\.\\.\\.|…")) {
                            if (!fragment.isBlank() && verbatim.stream().noneMatch(v -> v.contains(fragment.trim()))) held = false;
                        }
                        if (!held) unmarked.add(f.getFileName() + ": " + m.group(2));
                    }
                    block.clear();
                }
            }
        }
        assertTrue(quotations > 20, quotations + " Korean quotations");
        assertEquals(List.of(), unmarked);
    }

    @Test
    void anUnknownSourceIdFailsTheBuildWithFileLineAndKey(@TempDir Path tmp) throws IOException {
        Path copy = copy("skt-2018-04-06", tmp);
        edit(copy.resolve("compensation.drl"), "@legalBasis(\"[skt-2018-compensation] 2 days", "@legalBasis(\"[skt-2018-compensaton] 2 days");
        edit(copy.resolve("parameters/days_of_fee.yaml"), "reference: skt-2018-compensation", "reference: skt-2018-compensaton");
        edit(copy.resolve("policy.yaml"), "- cite: skt-2018-compensation", "- cite: skt-2018-compensaton");
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(copy));
        List<Problem> problems = e.problems();
        assertEquals(3, problems.size(), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("compensation.drl") && p.line() > 0 && p.message().contains("skt-2018-compensaton")),
                e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("parameters/days_of_fee.yaml") && p.line() == 10
                && p.key().equals("values.2018-04-06.reference") && p.message().contains("'skt-2018-compensaton' is not in the source registry")),
                e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("policy.yaml") && p.line() > 0 && p.message().contains("skt-2018-compensaton")),
                e.getMessage());
    }

    @Test
    void anAssumedValueWithoutWhyOrWithoutCertaintyIsRefused(@TempDir Path tmp) throws IOException {
        Path copy = copy("skt-2018-04-06", tmp);
        Path f = copy.resolve("parameters/rounding_unit_krw.yaml");
        String text = Files.readString(f);
        Files.writeString(f, text.replaceAll("(?m)^    why: .*\\n", ""));
        Path g = copy.resolve("parameters/days_of_fee.yaml");
        Files.writeString(g, Files.readString(g).replace("    certainty: official\n", ""));
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(copy));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("parameters/rounding_unit_krw.yaml") && p.key().endsWith(".why")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("parameters/days_of_fee.yaml") && p.key().endsWith(".certainty")), e.getMessage());
    }

    /**
     * Across the Kakao sample (a family of claimants, services and harms), every line that read an assumed value has a
     * finding naming that value and why, no other line has one, and the exposure summary's money resting on assumed
     * values is exactly the money of those lines.
     */
    @Test
    void aLineRestingOnAnAssumedValueSaysSoAndTheExposureSummaryCountsItsMoney() throws Exception {
        Policy kakao = PolicyLoader.load("kakao-1015-2022");
        ExposureSummary summary = new ExposureSummary();
        long assumedLines = 0, assumedMoney = 0;
        try (InputStream in = Files.newInputStream(SAMPLE); ClaimSource claims = ClaimSource.open(in, new ClaimReader(IncidentCatalog.classpath()))) {
            while (claims.hasNext()) {
                var c = claims.next();
                if (!c.valid()) continue;
                Assessment a = kakao.assess(c.claim(), c.record());
                summary.accept(a);
                for (AwardLine l : a.lines()) {
                    List<ParameterValue> assumed = l.parameters().stream().filter(ParameterValue::assumed).toList();
                    for (ParameterValue v : assumed) {
                        assertTrue(a.findings().stream().anyMatch(f -> f.code().equals("ASSUMED_VALUE") && f.ruleId().equals(l.ruleId())
                                && f.parameters().contains(v) && f.message().contains(v.id()) && f.message().contains(v.why())), a.toString());
                    }
                    if (!assumed.isEmpty()) {
                        assumedLines++;
                        assumedMoney += l.amountKrw();
                    }
                }
                for (Finding f : a.findings()) {
                    if (!f.code().equals("ASSUMED_VALUE")) continue;
                    assertTrue(f.parameters().size() == 1 && f.parameters().get(0).assumed(), f.toString());
                    assertTrue(a.lines().stream().anyMatch(l -> l.ruleId().equals(f.ruleId()) && l.parameters().containsAll(f.parameters())), f.toString());
                }
            }
        }
        assertTrue(assumedLines > 0, "the sample exercises no line resting on an assumed value");
        ExposureSummary.Report r = summary.report();
        assertEquals(assumedLines, r.onAssumedValues().lines());
        assertEquals(assumedMoney, r.onAssumedValues().monetaryKrw());
        assertFalse(r.byAssumedValue().isEmpty());
    }

    static Path copy(String policy, Path tmp) throws IOException {
        Path from = RESOURCES.resolve("policies").resolve(policy);
        Path to = tmp.resolve(policy);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return to;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "fixture text not found in " + file + ": " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
