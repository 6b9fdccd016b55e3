package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.cli.BosangCli;
import io.bosang.json.Json;
import io.bosang.sample.KakaoClaimsGenerator;
import io.bosang.service.workbench.WorkingCopies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workbench in a real browser: Debian's headless Chromium driven by Selenium through its chromedriver, against
 * the service on a random loopback port, at a 1366×768 laptop's window size. Each page's screenshot is written to
 * {@code target/screenshots/}. Skipped, saying so, only when Chromium or its driver is not installed ({@code .ci/run}
 * installs both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest extends ServiceTestSupport {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Path SHIPPED = Path.of("../rules/src/main/resources/policies");
    static WebDriver browser;
    static Path profile;

    @Autowired
    WorkingCopies copies;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does)");
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("bosang-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (Stream<Path> s = Files.walk(profile)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebElement waitFor(By by, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    static long number(String id) {
        return Long.parseLong(text(id).replace(",", "").replace("+", ""));
    }

    /** Waits for a job page to finish (the page polls and reloads itself) and returns its URL. */
    static String awaitJob(int seconds) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds)).until(d ->
                "true".equals(d.findElement(By.id("main")).getDomAttribute("data-finished")));
        return browser.getCurrentUrl();
    }

    String makeCopy(String policy) {
        open("/workbench");
        new Select(browser.findElement(By.id("copy-policy"))).selectByValue(policy);
        browser.findElement(By.id("create")).click();
        waitFor(By.id("build"), 60);
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    @Order(1)
    void thePoliciesPageListsEveryPolicyAndAPolicyShowsItsRulesLawParametersAndScenarios() throws Exception {
        open("/?lang=en");
        WebElement table = waitFor(By.id("policies"), 30);
        assertTrue(table.getText().contains("kakao-1015-2022"), table.getText());
        assertTrue(table.getText().contains("content-user-protection"), table.getText());
        shot("01-policies");

        // Keyboard: the first Tab reaches the skip link, and the skip link leads to the content.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("skip", browser.switchTo().activeElement().getDomAttribute("class"));

        browser.findElement(By.cssSelector("a[href='/policies/kakao-1015-2022']")).click();
        WebElement rules = waitFor(By.id("rule-table"), 90);
        String rulesText = rules.getText();
        assertTrue(rulesText.contains("K1015-SB-01") && rulesText.contains("small-business-tiers.csv:10"), "the tier comes from its table row");
        assertTrue(rulesText.contains("decision table row"), rulesText);
        assertTrue(rulesText.contains("sales loss ≤ 300,000 won → 30,000 won"), "rules show their legal basis: " + rulesText);
        String summary = text("scenario-summary");
        assertTrue(summary.matches("(\\d+) of \\1 scenarios pass\\."), summary);
        shot("02-policy");

        WebElement download = browser.findElement(By.linkText("small-business-tiers.csv"));
        HttpResponse<byte[]> table2 = http.send(HttpRequest.newBuilder(java.net.URI.create(download.getDomProperty("href"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, table2.statusCode());
        assertArrayEquals(Files.readAllBytes(SHIPPED.resolve("kakao-1015-2022/small-business-tiers.csv")), table2.body(),
                "the table downloads byte for byte");
    }

    @Test
    @Order(2)
    void tryingAClaimExplainsItLineByLine() throws Exception {
        open("/try");
        WebElement fee = waitFor(By.id("monthlyFeeKrw"), 30);
        fee.clear();
        fee.sendKeys("4900");
        browser.findElement(By.id("id")).clear();
        browser.findElement(By.id("id")).sendKeys("TRY-1");
        browser.findElement(By.id("assess")).click();
        WebElement explanation = waitFor(By.id("explanation"), 60);
        assertTrue(text("outcome").startsWith("AWARD"), text("outcome"));
        assertTrue(explanation.getText().contains("K1015-PAID-01"), explanation.getText());
        assertTrue(explanation.getText().contains("Claim TRY-1"), explanation.getText());
        assertTrue(browser.findElement(By.id("lines")).getText().contains("K1015-PAID-09"), "each line with its rule");
        shot("03-try-a-claim");

        // A wrong field is named, as the API names it.
        browser.findElement(By.id("monthlyFeeKrw")).clear();
        browser.findElement(By.id("monthlyFeeKrw")).sendKeys("4,900.5");
        browser.findElement(By.id("assess")).click();
        assertTrue(waitFor(By.id("rejection"), 30).getText().contains("subscription.monthlyFeeKrw"), text("rejection"));
    }

    @Test
    @Order(3)
    void editingAMultiplierShowsTheDiffThatBosangDiffGivesOnTheSameCorpus() throws Exception {
        String id = makeCopy("kakao-1015-2022");
        shot("04-working-copy");
        WebElement value = browser.findElement(By.cssSelector("input[data-parameter='mobility.days_multiplier']"));
        value.clear();
        value.sendKeys("4");
        value.submit();
        waitFor(By.id("run-form"), 30);
        browser.findElement(By.id("corpus-generated")).click();
        WebElement count = browser.findElement(By.id("count"));
        count.clear();
        count.sendKeys("3000");
        browser.findElement(By.id("run-button")).click();
        waitFor(By.id("main"), 30);
        awaitJob(240);
        assertTrue(waitFor(By.id("diff-summary"), 10).isDisplayed());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('diff').scrollIntoView()");
        shot("05-impact");

        Path corpus = Files.createTempFile("bosang-corpus-", ".ndjson");
        try (Writer w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
            KakaoClaimsGenerator.write(3000, 1015, w);       // the corpus the page generated, byte for byte
        }
        Path copy = copies.find(id).orElseThrow().dir();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BosangCli.run(new String[]{"diff", "--base", "kakao-1015-2022", "--policy", copy.toString(), corpus.toString(), "--json"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode cli = Json.mapper().readTree(out.toString());
        assertEquals(cli.get("claims").asLong(), number("diff-claims"));
        assertEquals(cli.get("changedClaims").asLong(), number("diff-changed"));
        assertEquals(cli.get("changedOutcomes").asLong(), number("diff-outcomes"));
        assertEquals(cli.get("costBeforeKrw").asLong(), number("diff-cost-before"));
        assertEquals(cli.get("costAfterKrw").asLong(), number("diff-cost-after"));
        assertEquals(cli.get("deltaKrw").asLong(), number("diff-delta"));
        assertEquals(cli.get("moneyBeforeKrw").asLong(), number("diff-money-before"));
        assertEquals(cli.get("moneyAfterKrw").asLong(), number("diff-money-after"));
        assertTrue(cli.get("changedClaims").asLong() > 0 && cli.get("deltaKrw").asLong() > 0, "the edit changed something to compare");
        assertTrue(text("parameter-changes").contains("mobility.days_multiplier"), "the parameter behind the change");
        Files.delete(corpus);
    }

    @Test
    @Order(4)
    void aLongRunShowsProgressAndCanBeCancelled() throws Exception {
        makeCopy("content-user-protection");
        browser.findElement(By.id("corpus-generated")).click();
        WebElement count = browser.findElement(By.id("count"));
        count.clear();
        count.sendKeys("200000");
        browser.findElement(By.id("run-button")).click();
        waitFor(By.id("job-bar"), 30);
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> {
            String done = d.findElement(By.id("job-done")).getText().replace(",", "");
            return d.findElement(By.id("job-phase")).getText().equals("claims") && !done.isEmpty() && Long.parseLong(done) > 0;
        });
        shot("06-progress");
        browser.findElement(By.id("cancel")).click();
        awaitJob(60);
        assertTrue(waitFor(By.id("job-cancelled"), 10).isDisplayed());
    }

    @Test
    @Order(5)
    void thePagesSwitchToKoreanAndFollowTheBrowsersLanguage() throws Exception {
        open("/");
        waitFor(By.id("lang-ko"), 30).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("h1")).getText().equals("정책"));
        assertEquals("ko", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        shot("07-policies-ko");
        open("/try");
        assertEquals("청구 시험", waitFor(By.tagName("h1"), 30).getText());
        browser.findElement(By.id("assess")).click();
        assertTrue(waitFor(By.id("explanation"), 60).getText().contains("적용 정책"), "the explanation in Korean too");
        shot("08-try-ko");
        browser.findElement(By.id("lang-en")).click();
        assertEquals("Try a claim", waitFor(By.tagName("h1"), 30).getText());

        // Without a choice, the browser's language decides; one the workbench does not speak falls back to English.
        HttpResponse<String> ko = http.send(HttpRequest.newBuilder(uri("/")).header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(ko.body().contains("<h1>정책</h1>"), ko.body());
        HttpResponse<String> fr = http.send(HttpRequest.newBuilder(uri("/")).header("Accept-Language", "fr-FR").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(fr.body().contains("<h1>Policies</h1>"), fr.body());
    }

    @Test
    @Order(6)
    void aBrokenDrlUploadIsShownWithItsFileAndLine() throws Exception {
        makeCopy("content-user-protection");
        String drl = Files.readString(SHIPPED.resolve("content-user-protection/extension.drl"));
        int at = drl.indexOf("when");
        String broken = drl.substring(0, at) + "when\n    Claim( stoppageMinutes >>> 1 )\n" + drl.substring(at + "when".length());
        int line = 1 + (int) broken.substring(0, broken.indexOf(">>>")).chars().filter(c -> c == '\n').count();
        Path file = Files.createTempDirectory("bosang-upload-").resolve("extension.drl");
        Files.writeString(file, broken);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-file-button")).click();
        String problems = waitFor(By.id("build-problems"), 60).getText();
        assertTrue(problems.contains("extension.drl:" + line), "file and line of the broken DRL: " + problems);
        shot("09-broken-drl");
    }

    @Test
    @Order(7)
    void aDecisionTableWithABadCellIsShownWithItsCell() throws Exception {
        makeCopy("kakao-1015-2022");
        String csv = Files.readString(SHIPPED.resolve("kakao-1015-2022/small-business-tiers.csv"));
        Path file = Files.createTempDirectory("bosang-upload-").resolve("small-business-tiers.csv");
        Files.writeString(file, csv.replaceFirst("\"business\",\"K1015-SB-CASH-TIER\"", "\"busines\",\"K1015-SB-CASH-TIER\""));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-file-button")).click();
        String problems = waitFor(By.id("build-problems"), 60).getText();
        assertTrue(problems.contains("small-business-tiers.csv:10") && problems.contains("cell D10"), problems);
        shot("10-bad-table-cell");

        // The table downloads from the copy as uploaded.
        String href = browser.findElement(By.linkText("small-business-tiers.csv")).getDomProperty("href");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(java.net.URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(back.body().contains("\"busines\""));
    }

    @Test
    @Order(8)
    void aLawFirmComparesPoliciesAndDownloadsTheReports() throws Exception {
        open("/compare");
        waitFor(By.id("compare-button"), 30).click();
        waitFor(By.id("main"), 30);
        awaitJob(180);
        String summary = waitFor(By.id("compare-summary"), 10).getText();
        assertTrue(summary.startsWith("40 claims under 4 policies"), summary);
        assertTrue(browser.findElement(By.id("totals")).getText().contains("civil-damages-estimate"));
        shot("11-compare");
        for (String link : new String[]{"download-html", "download-ndjson", "download-csv"}) {
            String href = browser.findElement(By.id(link)).getDomProperty("href");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), link);
            if (link.equals("download-html")) assertTrue(r.body().contains("src=\"data:image/png;base64,"), "the report embeds its charts");
            if (link.equals("download-ndjson")) assertEquals(41, r.body().lines().count(), "a row per claim, then the summary");
            if (link.equals("download-csv")) assertEquals(41, r.body().lines().count(), "a header, then a row per claim");
        }
    }

    @Test
    @Order(9)
    void savingTakesTheAdminTokenAndGoesThroughTheReloadGate() throws Exception {
        try {
            makeCopy("content-user-protection");
            browser.findElement(By.id("token")).sendKeys("not-the-token");
            browser.findElement(By.id("save-button")).click();
            assertTrue(waitFor(By.id("error-message"), 30).getText().contains("wrong admin token"));
            browser.navigate().back();
            WebElement token = waitFor(By.id("token"), 30);
            token.clear();
            token.sendKeys(ADMIN_TOKEN);
            browser.findElement(By.id("save-button")).click();
            assertTrue(waitFor(By.id("reload-accepted"), 120).getText().contains("content-user-protection"));
            shot("12-saved");
        } finally {
            // Leave the shared rules directory as the other tests expect it: the shipped content, no scenarios/.
            Path scenarios = CUP.resolve("scenarios");
            if (Files.exists(scenarios)) {
                try (Stream<Path> s = Files.walk(scenarios)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
            restoreCup();
            reload("content-user-protection");
        }
    }
}
