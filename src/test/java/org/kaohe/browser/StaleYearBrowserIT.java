package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualService;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * HR imports a corrected Q4 after the year was evaluated, sees the year marked out of date, is
 * refused when evaluating the year on the stale quarter, evaluates Q4 again from the refusal's button,
 * then the year: the year is up to date again, built on the new Q4 run.
 */
@KaoheServerTest
class StaleYearBrowserIT {

    private static final Period Q4 = Period.parse("2026-Q4");

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired RunQueries runs;
    @TempDir Path dir;
    Browser browser;

    @BeforeEach
    void evaluatedYear() throws Exception {
        if (accounts.find("hr").isEmpty()) { // the database is put back before each class, not each test
            accounts.create("test", "hr", EnumSet.of(Role.HR), "Hr-stale-lantern-52");
        }
        for (int q = 1; q <= 4; q++) { // the quarters and the year, as HR did them before
            Period period = new Period(2026, q);
            imports.importFolder(Path.of("data", period.toString()), period, "hr");
            evaluation.evaluate(period, "hr");
        }
        annual.importFolder(Path.of("data", "2026"), 2026, "hr");
        annual.evaluate(2026, "hr");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void hrImportsANewQ4SeesTheYearStaleIsRefusedEvaluatesQ4ThenTheYear() throws Exception {
        long oldQ4Run = runs.currentRun(Q4).orElseThrow().id();
        long oldYearRun = results.current(2026).orElseThrow().run().id();
        browser.logIn("hr", "Hr-stale-lantern-52");

        browser.open("/import");
        browser.driver.findElement(By.id("import-period")).sendKeys(Q4.toString());
        browser.driver.findElement(By.id("import-files")).sendKeys(HrBrowserIT.demoFiles(correctedQ4().toString()));
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        assertThat(browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("import-report"))).getText())
                .contains(ImportReport.Status.STORED.label());

        browser.open("/years/2026");
        assertThat(browser.driver.findElement(By.id("annual-stale")).getText())
                .contains("2026-Q4 的当前考核(第 " + oldQ4Run + " 次运行)用的是导入版本 1,此后导入了版本 2");

        browser.driver.findElement(By.cssSelector("#year-evaluate-form button[type=submit]")).click();
        assertThat(browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("year-stale-quarters"))).getText())
                .contains("2026-Q4", "此次运行用的是导入版本 1");
        assertThat(results.current(2026).orElseThrow().run().id()).as("refused: no new annual run").isEqualTo(oldYearRun);

        browser.driver.findElement(By.id("evaluate-2026-Q4")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(ExpectedConditions.urlContains("/years/2026?run="));
        long newQ4Run = runs.currentRun(Q4).orElseThrow().id();
        assertThat(newQ4Run).isGreaterThan(oldQ4Run);
        assertThat(browser.driver.findElement(By.id("annual-stale")).getText()).as("the year still reads the old Q4 run")
                .contains("2026-Q4 已重新考核:年度考核用的是第 " + oldQ4Run + " 次运行,当前为第 " + newQ4Run + " 次");

        browser.driver.findElement(By.cssSelector("#year-evaluate-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("year-notice")));
        assertThat(browser.driver.findElements(By.id("annual-stale"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("year-stale-quarters"))).isEmpty();
        assertThat(results.current(2026).orElseThrow().run().quarterRuns()).contains("2026-Q4:" + newQ4Run);
    }

    /** The demo Q4 with one event's note corrected: a new import version. */
    private Path correctedQ4() throws Exception {
        Path folder = dir.resolve("2026-Q4");
        FileSystemUtils.copyRecursively(Path.of("data", "2026-Q4"), folder);
        Path events = folder.resolve("events.csv");
        Files.writeString(events, Files.readString(events).replace("资源整合项目", "资源整合项目(更正)"));
        return folder;
    }
}
