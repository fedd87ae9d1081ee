package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.records.ImportReport;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HR uploads the demo quarter in a real browser and sees it stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:hr-browser;DB_CLOSE_DELAY=-1")
class HrBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        accounts.create("test", "hr", EnumSet.of(Role.HR), "hr-password");
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
    }

    @Test
    void hrUploadsTheDemoQuarter() throws Exception {
        browser.logIn("hr", "hr-password");
        browser.open("/import");
        browser.driver.findElement(By.id("import-period")).sendKeys("2026-Q3");
        browser.driver.findElement(By.id("import-files")).sendKeys(demoFiles("data/2026-Q3"));
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

        String report = browser.driver.findElement(By.id("import-report")).getText();
        assertThat(report).contains(ImportReport.Status.STORED.label()).contains("cadres.csv").contains("targets.csv");
        assertThat(browser.driver.findElement(By.id("import-versions")).getText()).contains("2026-Q3").contains("hr");
    }

    /** The files of a folder as a file input takes several: absolute paths, one per line. */
    static String demoFiles(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        }
    }
}
