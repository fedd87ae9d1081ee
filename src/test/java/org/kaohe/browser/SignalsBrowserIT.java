package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.bench.LargeCityFiles;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor opens the 预警 page of a period whose leader lowered a threshold: the flags are listed
 * with their figures, the three charts are drawn (offline: ECharts from the app), one flag's record
 * leads to its source row, and a note on a flag is kept on the page. A large city's charts are drawn
 * as bounded (the departments furthest from the city's votes; cadres counted in cells).
 */
@KaoheServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    Browser browser;

    @BeforeAll
    void quarters() throws Exception {
        String table = Files.readString(Path.of("rules", "signals.csv")).replace("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,0.5");
        rulebooks.publish(RulebookService.read(Path.of("rules")).with(RulebookSource.of(Map.of("signals.csv", table))),
                "leader", "测试 test");
        for (String period : new String[] {"2026-Q2", "2026-Q3"}) {
            imports.importFolder(Path.of("data", period), Period.parse(period), "hr");
            evaluation.evaluate(Period.parse(period), "hr");
        }
        accounts.create("test", "signal-auditor", EnumSet.of(Role.AUDITOR), "Qingchuan-Signal-7");
    }

    @BeforeEach
    void start() throws Exception {
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void anAuditorReadsTheFlagsFollowsARecordAndNotesAFlag() {
        browser.logIn("signal-auditor", "Qingchuan-Signal-7");
        browser.open("/signals?scope=2026-Q3");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signal-votes-chart canvas")));
        assertThat(browser.driver.findElements(By.cssSelector("#signal-ratings-chart canvas"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#signal-position-chart canvas"))).isNotEmpty();
        WebElement flag = browser.driver.findElement(By.cssSelector("#signal-flags tr.signal-flag"));
        assertThat(flag.getText()).contains("测评一边倒", "0.5", "signals.csv:3");
        String key = flag.getAttribute("data-key");

        flag.findElement(By.cssSelector("input[name=note]")).sendKeys("已约谈 / talked to the head");
        flag.findElement(By.cssSelector("form.note-form button")).click();
        browser.await().until(d -> d.findElement(By.cssSelector("tr.signal-flag[data-key='" + key + "'] ul.flag-notes"))
                .getText().contains("talked to the head"));

        WebElement row = browser.driver.findElement(By.cssSelector("tr.signal-flag[data-key='" + key + "']"));
        row.findElement(By.tagName("summary")).click();
        WebElement record = row.findElement(By.cssSelector("ul.flag-records a"));
        String reference = record.getText(); // 2026-Q3 appraisals.csv:5
        record.click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("source-row")));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(reference.substring(reference.indexOf(' ') + 1));
    }

    @Test
    void aLargeCitysChartsAreDrawnCutToTheDepartmentsFurthestFromTheCityAndCadresCounted(@TempDir Path folder) throws Exception {
        Period period = Period.parse("2027-Q1");
        LargeCityFiles.write(folder, period, 3000, 50, 7); // 50 departments; about 77 % of cadres have votes and a rating
        imports.importFolder(folder, period, "hr");
        evaluation.evaluate(period, "hr");

        browser.logIn("signal-auditor", "Qingchuan-Signal-7");
        browser.open("/signals?scope=2027-Q1");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signal-ratings-chart canvas")));
        assertThat(browser.driver.findElements(By.cssSelector("#signal-votes-chart canvas"))).isNotEmpty();
        assertThat(browser.driver.findElement(By.id("signal-votes-some")).getText()).contains("40", "50");
        assertThat(browser.driver.findElement(By.id("signal-ratings-counted")).getText()).contains("共");
        assertThat(browser.driver.findElement(By.id("signal-ratings-chart")).getAttribute("data-counted")).isEqualTo("true");
    }
}
