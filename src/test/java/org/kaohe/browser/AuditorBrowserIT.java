package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An auditor opens a cadre, sees lines summing to the score, and follows one to its source row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:auditor-browser;DB_CLOSE_DELAY=-1")
class AuditorBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;

    Browser browser;

    @BeforeEach
    void start() throws Exception {
        if (accounts.list().stream().noneMatch(u -> u.username().equals("auditor"))) {
            accounts.create("test", "auditor", EnumSet.of(Role.AUDITOR), "auditor-password");
            SampleRun.store(jdbc, template);
        }
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void anAuditorFollowsAScoreToItsSourceRow() {
        browser.logIn("auditor", "auditor-password");
        browser.open("/evaluation?period=" + SampleRun.PERIOD);
        browser.driver.findElement(By.linkText("C3")).click();

        BigDecimal score = new BigDecimal(browser.driver.findElement(By.id("subject-score")).getText());
        List<WebElement> points = browser.driver.findElements(By.cssSelector("#lines tr.line td.points"));
        BigDecimal sum = points.stream().map(p -> new BigDecimal(p.getText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(points).isNotEmpty();
        assertThat(sum).isEqualByComparingTo(score);
        assertThat(browser.driver.findElement(By.id("lines-total")).getText()).isEqualTo(score.toPlainString());
        assertThat(browser.driver.findElement(By.id("rulebook-version")).getText()).isEqualTo("v-sample");
        assertThat(browser.driver.findElements(By.cssSelector("#waterfall canvas"))).isNotEmpty();

        WebElement firstEvidence = browser.driver.findElement(By.cssSelector("#lines a.source-link"));
        String reference = firstEvidence.getText();
        firstEvidence.click();

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(reference);
        String rowText = browser.driver.findElement(By.id("source-row")).getText();
        assertThat(rowText).contains("T1").contains("维权工程:工资集体协商(份)").contains("owner_id");
    }
}
