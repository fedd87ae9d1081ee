package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.rules.RulebookDrafts;
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
 * A leader renames the top grade (好 → 优秀) in the browser: a wrong value typed on the way is
 * flagged at its cell as it is typed, before any save; the cases about grades fail; the leader
 * reads each changed value, old and new side by side, accepts them all with one confirmation, and
 * publishes with the cases passing and their changed notes marked to re-check.
 */
@KaoheServerTest
class CaseAcceptanceBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        accounts.create("test", "leader-cases", "李主任", EnumSet.of(Role.LEADER), "Qingchuan-Cases-7");
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader-cases", "默认考核细则");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void aLeaderRenamesAGradeReadsTheCasesNewValuesAndAcceptsThem() {
        browser.logIn("leader-cases", "Qingchuan-Cases-7");
        browser.open("/rules/editor");

        // A wrong share is flagged at its cell while the leader types, nothing saved; corrected, the flag goes.
        WebElement share = browser.driver.findElement(By.name("t:grades.csv:0:quota_value"));
        String before = share.getAttribute("value");
        type("t:grades.csv:0:quota_value", "1.5");
        WebElement error = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//input[@name='t:grades.csv:0:quota_value']/ancestor::td[1]/div[@class='field-error']")));
        assertThat(error.getText()).contains("比例应大于 0 且不超过 1");
        assertThat(drafts.openDraft("leader-cases")).isEmpty();
        type("t:grades.csv:0:quota_value", before);
        browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("table.editor .field-error")));

        // 好 becomes 优秀; the check fails the cases about grades, and only those.
        type("t:grades.csv:0:name", "优秀");
        browser.driver.findElement(By.id("validate-button")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("failing-cases")));
        assertThat(browser.driver.findElements(By.cssSelector("#failing-cases .failing-case")))
                .extracting(c -> c.getAttribute("data-case")).containsExactlyInAnyOrder("bands", "gates", "quota");

        // The review: each changed value, old and new side by side.
        browser.driver.findElement(By.id("review-cases")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("accept-cases")));
        WebElement bands = browser.driver.findElement(By.cssSelector("section.case-review[data-case='bands']"));
        List<String> c1 = bands.findElements(By.cssSelector("tr.case-change")).stream().map(WebElement::getText)
                .filter(t -> t.contains("干部 C1")).toList();
        assertThat(c1).singleElement().satisfies(row -> assertThat(row).contains("tests/bands/expected.csv:2").contains("等次")
                .contains("好").contains("优秀"));
        assertThat(bands.findElement(By.cssSelector(".recheck")).getText()).contains("干部 C1");
        assertThat(browser.driver.findElements(By.cssSelector(".case-review .remaining"))).isEmpty();

        browser.driver.findElement(By.id("accept-cases")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("case-notice")));
        assertThat(browser.driver.findElement(By.id("case-notice")).getText()).contains("bands").contains("gates").contains("quota");
        assertThat(browser.driver.findElements(By.id("failing-cases"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("rule-cases")).getText()).contains("10");

        browser.driver.findElement(By.id("publish-reason")).sendKeys("最高等次改称优秀");
        browser.driver.findElement(By.id("publish-button")).click();
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("published")));
        assertThat(rulebooks.publications()).hasSize(2);
        RulebookSource published = rulebooks.current().orElseThrow().source();
        assertThat(published.files().get("tests/bands/expected.csv")).contains("CADRE,C1,90,优秀,,,待核对 / to re-check");
        assertThat(browser.driver.findElement(By.cssSelector("#publications td.published-by")).getText()).isEqualTo("李主任");
    }

    private void type(String field, String value) {
        WebElement input = browser.driver.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }
}
