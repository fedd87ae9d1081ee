package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.rules.RulebookService;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.kaohe.testing.KaoheServerTest;

/** A leader validates a broken draft rulebook and sees the error located by file and line. */
@KaoheServerTest
class LeaderBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @TempDir Path draft;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        accounts.create("test", "leader", EnumSet.of(Role.LEADER), "Qingchuan-Rules-7");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.closeWithoutConsoleErrors();
    }

    @Test
    void aLeaderSeesTheLocatedErrorOfABrokenDraft() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, draft.resolve(f.getFileName()));
            }
        }
        Path grades = draft.resolve("grades.csv");
        Files.writeString(grades, Files.readString(grades).replace(",GOOD,好,90,", ",GOOD,好,70,"));

        browser.logIn("leader", "Qingchuan-Rules-7");
        browser.open("/rules");
        browser.driver.findElement(By.id("draft-files")).sendKeys(filesOf(draft));
        browser.driver.findElement(By.id("validate-button")).click();

        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rule-problems")));
        List<WebElement> problems = browser.driver.findElements(By.cssSelector("#rule-problems tr.problem"));
        assertThat(problems).isNotEmpty();
        List<String> cells = problems.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells).containsExactly("grades.csv", "3", "D(最低分)", cells.get(3));
        assertThat(cells.get(3)).startsWith("等次分数线顺序错误");
        assertThat(rulebooks.publications()).isEmpty();
    }

    private static String filesOf(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        }
    }
}
