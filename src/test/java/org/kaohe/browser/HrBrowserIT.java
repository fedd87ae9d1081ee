package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.jobs.EvaluationRuns;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * HR uploads the demo quarter, evaluates it watching the progress, and downloads the results as
 * Excel; and cancels an evaluation from the page.
 */
@KaoheServerTest
class HrBrowserIT {

    private static final Period Q2 = Period.parse("2026-Q2");
    private static final Period Q3 = Period.parse("2026-Q3");

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired RunQueries runs;
    @Autowired JdbcClient jdbc;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        if (accounts.find("hr").isEmpty()) { // the database is put back before each class, not each test
            accounts.create("test", "hr", EnumSet.of(Role.HR), "Hr-maple-teapot-83");
        }
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test"); // a leader's work, done before
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void hrUploadsEvaluatesAndDownloadsExcel() throws Exception {
        browser.logIn("hr", "Hr-maple-teapot-83");

        browser.open("/import");
        browser.driver.findElement(By.id("import-period")).sendKeys("2026-Q3");
        browser.driver.findElement(By.id("import-files")).sendKeys(demoFiles("data/2026-Q3"));
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        String report = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("import-report"))).getText();
        assertThat(report).contains(ImportReport.Status.STORED.label()).contains("cadres.csv").contains("targets.csv");

        browser.open("/evaluation");
        browser.driver.findElement(By.id("run-button")).click();
        // The demo quarter evaluates in a moment: the page may be gone before its progress could be read
        // (the progress block is checked on a job that waits, below).
        new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        long run = runs.currentRun(Q3).orElseThrow().id();
        assertThat(browser.driver.getCurrentUrl()).as("the run the job made").endsWith("/evaluation?run=" + run);
        assertThat(jobsOf("hr", Q3)).as("one click, one evaluation").isEqualTo(1);
        assertThat(browser.driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(6); // the departments' tab
        browser.driver.findElement(By.id("tab-CADRE")).click();
        browser.await().until(ExpectedConditions.urlContains("type=CADRE"));
        assertThat(browser.driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(25); // a page of cadres

        browser.driver.findElement(By.id("export-xlsx")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = org.kaohe.web.PeopleWorkbooks.headerRow(sheet);
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("对象类型");
            assertThat(sheet.getLastRowNum() - header).isEqualTo(85); // the cadres' tab: every demo cadre
            Row first = sheet.getRow(header + 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("干部");
            assertThat(first.getCell(4).getNumericCellValue()).isPositive();
        }
    }

    /**
     * HR starts an evaluation that waits behind another of its period (a job another instance runs,
     * as far as this one can tell), sees it queued with its progress at 0, and cancels it with the
     * page's button: the page says so in Chinese and English, offers the button again, and no run is
     * stored.
     */
    @Test
    void hrCancelsAnEvaluationFromThePage() throws Exception {
        assertThat(imports.importFolder(Path.of("data", "2026-Q2"), Q2, "hr").stored()).isTrue();
        long earlier = runningJobOf("someone-else", Q2);
        try {
            browser.logIn("hr", "Hr-maple-teapot-83");
            browser.open("/evaluation");
            new Select(browser.driver.findElement(By.cssSelector("#run-form select[name=period]")))
                    .selectByValue(Q2.toString());
            browser.driver.findElement(By.id("run-button")).click();
            WebElement cancel = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("run-cancel")));
            assertThat(browser.driver.findElement(By.id("run-progress")).isDisplayed()).isTrue();
            browser.await().until(ExpectedConditions.attributeContains(By.id("run-bar"), "style", "width: 0%"));
            cancel.click();

            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-message"),
                    MessageText.of(Message.of("job.cancelled"), Locale.SIMPLIFIED_CHINESE)));
            assertThat(browser.driver.findElement(By.id("run-cancel")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("run-button")).isEnabled()).isTrue();
            assertThat(browser.driver.getCurrentUrl()).endsWith("/evaluation");
            assertThat(runs.currentRun(Q2)).isEmpty();
        } finally {
            jdbc.sql("UPDATE background_job SET state = 'FAILED' WHERE id = ?").param(earlier).update();
        }
    }

    /** How many evaluations of the period the user started. */
    private long jobsOf(String owner, Period period) {
        return jdbc.sql("SELECT COUNT(*) FROM background_job WHERE owner = ? AND queue_key = ?")
                .params(owner, EvaluationRuns.queue(period)).query(Long.class).single();
    }

    /** A job of the period's queue in the RUNNING state, run by no worker here: later ones wait behind it. */
    private long runningJobOf(String owner, Period period) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO background_job (kind, argument, queue_key, owner, title, state, progress, message,
                                            cancel_requested, submitted_at)
                VALUES ('TEST', ?, ?, ?, 'an earlier evaluation', 'RUNNING', 0.5, '', FALSE, ?)""")
                .params(period.toString(), EvaluationRuns.queue(period), owner, OffsetDateTime.now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The files of a folder as a file input takes several: absolute paths, one per line. */
    static String demoFiles(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        }
    }
}
