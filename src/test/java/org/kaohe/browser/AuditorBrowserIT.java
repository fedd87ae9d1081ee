package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor opens a cadre of the evaluated demo quarter, sees lines summing to the score and
 * the rulebook version, and follows one line to its source row.
 */
@KaoheServerTest
class AuditorBrowserIT {

    private static final Period PERIOD = Period.parse("2026-Q3");

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        // The work of a leader and of HR, done before the auditor comes.
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        imports.importFolder(Path.of("data/2026-Q3"), PERIOD, "hr");
        evaluation.evaluate(PERIOD, "hr");
        accounts.create("test", "auditor", EnumSet.of(Role.AUDITOR), "Qingchuan-Audit-7");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void anAuditorFollowsAScoreToItsSourceRow() {
        browser.logIn("auditor", "Qingchuan-Audit-7");
        browser.open("/evaluation?period=2026-Q3&type=CADRE");
        WebElement firstCadre = browser.driver.findElement(By.cssSelector("#results tbody tr td a"));
        String cadreId = firstCadre.getText();
        firstCadre.click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("subject-score")));

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(cadreId);
        BigDecimal score = new BigDecimal(browser.driver.findElement(By.id("subject-score")).getText());
        List<WebElement> points = browser.driver.findElements(By.cssSelector("#lines tr.line td.points"));
        BigDecimal sum = points.stream().map(p -> new BigDecimal(p.getText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(points).hasSizeGreaterThan(2);
        assertThat(sum).isEqualByComparingTo(score);
        assertThat(browser.driver.findElement(By.id("lines-total")).getText()).isEqualTo(score.toPlainString());
        assertThat(browser.driver.findElement(By.id("rulebook-version")).getText())
                .isEqualTo(rulebooks.publications().get(0).version());
        assertThat(browser.driver.findElements(By.cssSelector("#waterfall canvas"))).isNotEmpty();

        WebElement evidence = browser.driver.findElement(By.cssSelector("#lines a.source-link"));
        String reference = evidence.getText(); // e.g. targets.csv:12
        // The source rows are shown on the row under the explanation line.
        String shownRow = evidence.findElement(
                By.xpath("ancestor::tr[1]/following-sibling::tr[1]//table[contains(@class, 'source-row')]")).getText();
        evidence.click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("source-row")));

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(reference);
        String sourceRow = browser.driver.findElement(By.id("source-row")).getText();
        String file = reference.substring(0, reference.indexOf(':'));
        int line = Integer.parseInt(reference.substring(reference.indexOf(':') + 1));
        String expectedLine = readLine("data/2026-Q3/" + file, line);
        for (String cell : expectedLine.split(",")) {
            assertThat(sourceRow).contains(cell);
            // Under the explanation line the cited record is shown as stored: its period is the
            // import's and a Y/N flag is a boolean there; every other cell is the file's.
            if (!cell.equals("2026-Q3") && !cell.equals("Y") && !cell.equals("N")) {
                assertThat(shownRow).contains(cell);
            }
        }
    }

    private static String readLine(String file, int line) {
        try {
            return java.nio.file.Files.readAllLines(Path.of(file)).get(line - 1).replace("\uFEFF", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
