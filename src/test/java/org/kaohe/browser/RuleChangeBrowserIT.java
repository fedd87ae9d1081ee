package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunInfo;
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

/**
 * A rule change from start to end in the browser, nobody opening a file: a leader's wrong value is
 * refused at its field; the leader changes the share of 好 and a city award's points in the form,
 * sees what would change and one cadre's explanation line by line with the difference, accepts the
 * scenario cases' new results, publishes with a reason; HR sees that the results are out of date,
 * with the list of what a new run would change, and evaluates again — the new run gives what the
 * what-if said; the leader rolls the change back.
 */
@KaoheServerTest
class RuleChangeBrowserIT {

    private static final Period Q3 = Period.parse("2026-Q3");
    private static final String CADRE = "C0047"; // has a city award (events.csv E0033)

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        accounts.create("test", "leader", EnumSet.of(Role.LEADER), "Qingchuan-Rules-7");
        accounts.create("test", "hr", EnumSet.of(Role.HR), "Qingchuan-Staff-7");
        // Done before: the default book published, the quarter imported and evaluated.
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        evaluation.evaluate(Q3, "hr");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void aLeaderChangesTriesAndPublishesARuleHrEvaluatesAgainAndTheLeaderRollsBack() {
        String original = rulebooks.publications().get(0).version();
        long firstRun = runs.currentRun(Q3).map(RunInfo::id).orElseThrow();

        browser.logIn("leader", "Qingchuan-Rules-7");
        browser.open("/rules/editor");

        // A wrong value is refused at its field, in Chinese; nothing is published.
        type("t:grades.csv:0:quota_value", "1.5");
        click(By.id("save-button"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("editor-problems")));
        WebElement shareCell = browser.driver.findElement(By.name("t:grades.csv:0:quota_value"))
                .findElement(By.xpath("ancestor::td[1]"));
        assertThat(shareCell.getAttribute("class")).contains("invalid");
        assertThat(shareCell.findElement(By.className("field-error")).getText()).contains("比例应大于 0 且不超过 1");
        assertThat(rulebooks.publications()).hasSize(1);

        // The share of 好 to 30 %, a city award to 1.5 points; tried on the quarter.
        type("t:grades.csv:0:quota_value", "0.30");
        type("t:bonus-points.csv:2:points", "1.5");
        new Select(browser.driver.findElement(By.id("whatif-period"))).selectByValue("2026-Q3");
        click(By.id("simulate-button"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("whatif-summary")));
        int scoresChanged = firstNumber(browser.driver.findElement(By.id("count-scores")).getText());
        assertThat(scoresChanged).isPositive();
        assertThat(browser.driver.findElements(By.cssSelector("#whatif-changes tr.changed-subject"))).isNotEmpty();

        // One cadre's two explanations side by side, line by line, with the difference.
        browser.driver.findElement(By.id("whatif-subject-id")).sendKeys(CADRE);
        click(By.cssSelector("#whatif-lookup button[type=submit]"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("whatif-lines")));
        WebElement awardLine = browser.driver.findElements(By.cssSelector("#whatif-lines tr.whatif-line")).stream()
                .filter(row -> row.findElement(By.className("line-difference")).getText().equals("+0.50"))
                .findFirst().orElseThrow(() -> new AssertionError("no line of " + CADRE + " differs by +0.50"));
        assertThat(awardLine.getText()).contains("加分").contains("加分表 第 4 行");
        assertThat(awardLine.findElement(By.className("draft-points")).getText()).isEqualTo("1.50");
        BigDecimal whatIfScore = new BigDecimal(browser.driver.findElement(By.id("whatif-draft-total")).getText());

        // Publishing is refused by the scenario cases written for the old rules; the leader accepts their new results.
        browser.open("/rules/editor");
        browser.driver.findElement(By.id("publish-reason")).sendKeys("好的比例改为 30%,市级表彰 1.5 分");
        click(By.id("publish-button"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("failing-cases")));
        assertThat(rulebooks.publications()).hasSize(1);
        click(By.id("review-cases"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("accept-cases")));
        click(By.id("accept-cases"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("case-notice")));
        assertThat(browser.driver.findElements(By.id("editor-problems"))).isEmpty();
        browser.driver.findElement(By.id("publish-reason")).sendKeys("好的比例改为 30%,市级表彰 1.5 分");
        click(By.id("publish-button"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("published")));
        assertThat(rulebooks.publications()).hasSize(2);
        assertThat(rulebooks.publications().get(0).reason()).isEqualTo("好的比例改为 30%,市级表彰 1.5 分");
        String changed = rulebooks.publications().get(0).version();
        logOut();

        // HR sees the results are out of date, and what a new run would change: what the what-if said.
        browser.logIn("hr", "Qingchuan-Staff-7");
        browser.open("/evaluation?period=2026-Q3");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("stale-notice")));
        assertThat(browser.driver.findElement(By.id("stale-rulebook")).getText()).contains("好的比例改为 30%");
        WebElement list = new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("stale-changes-list")));
        Matcher counts = Pattern.compile("(\\d+) 个对象中有 (\\d+) 个得分").matcher(list.getText());
        assertThat(counts.find()).as(list.getText()).isTrue();
        assertThat(Integer.parseInt(counts.group(2))).isEqualTo(scoresChanged);
        assertThat(list.findElements(By.xpath(".//tr[td[1][text()='" + CADRE + "']]"))).hasSize(1);

        WebElement runButton = browser.driver.findElement(By.id("stale-run-button"));
        runButton.click();
        // The page follows the run's progress, then shows the period's results again.
        new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(ExpectedConditions.stalenessOf(runButton));
        RunInfo second = runs.currentRun(Q3).orElseThrow();
        assertThat(second.id()).isGreaterThan(firstRun);
        assertThat(second.rulebookVersion()).isEqualTo(changed);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stale-slot > div")));
        assertThat(browser.driver.findElements(By.id("stale-notice"))).isEmpty();
        // The new run gives the cadre the score the what-if showed.
        browser.open("/runs/" + second.id() + "/subjects/" + CADRE);
        assertThat(new BigDecimal(browser.driver.findElement(By.id("subject-score")).getText())).isEqualByComparingTo(whatIfScore);
        logOut();

        // The leader rolls the change back with a reason; the results are out of date again.
        browser.logIn("leader", "Qingchuan-Rules-7");
        browser.open("/rules");
        WebElement republish = browser.driver.findElement(By.cssSelector("#publications form.republish"));
        republish.findElement(By.name("reason")).sendKeys("撤回:先征求意见");
        republish.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await().until(ExpectedConditions.stalenessOf(republish));
        assertThat(rulebooks.publications()).hasSize(3);
        assertThat(rulebooks.publications().get(0).version()).isEqualTo(original);
        assertThat(rulebooks.publications().get(0).reason()).isEqualTo("撤回:先征求意见");
        browser.open("/");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.className("stale-badge")));
    }

    private void type(String field, String value) {
        WebElement input = browser.driver.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    private void click(By by) {
        browser.driver.findElement(by).click();
    }

    private void logOut() {
        WebElement button = browser.driver.findElement(By.cssSelector("form[action$='/logout'] button"));
        button.click();
        browser.await().until(ExpectedConditions.urlContains("/login"));
    }

    private static int firstNumber(String text) {
        Matcher m = Pattern.compile("\\d+").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group());
    }
}
