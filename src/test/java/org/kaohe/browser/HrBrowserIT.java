package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportReport;
import org.kaohe.rules.RulebookService;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HR uploads the demo quarter, evaluates it watching the progress, and downloads the results as Excel. */
@KaoheServerTest
class HrBrowserIT {

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        accounts.create("test", "hr", EnumSet.of(Role.HR), "hr-password");
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test"); // a leader's work, done before
        browser = new Browser(port);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            // Every page of the journey ran under the Content-Security-Policy without a console error.
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            browser.close();
        }
    }

    @Test
    void hrUploadsEvaluatesAndDownloadsExcel() throws Exception {
        browser.logIn("hr", "hr-password");

        browser.open("/import");
        browser.driver.findElement(By.id("import-period")).sendKeys("2026-Q3");
        browser.driver.findElement(By.id("import-files")).sendKeys(demoFiles("data/2026-Q3"));
        browser.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        String report = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("import-report"))).getText();
        assertThat(report).contains(ImportReport.Status.STORED.label()).contains("cadres.csv").contains("targets.csv");

        browser.open("/evaluation");
        browser.driver.findElement(By.id("run-button")).click();
        assertThat(browser.driver.findElement(By.id("run-progress")).isDisplayed()).isTrue();
        new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.driver.getCurrentUrl()).contains("period=2026-Q3");
        assertThat(browser.driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(5); // the departments' tab
        browser.driver.findElement(By.id("tab-CADRE")).click();
        browser.await().until(ExpectedConditions.urlContains("type=CADRE"));
        assertThat(browser.driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(25); // a page of cadres

        browser.driver.findElement(By.id("export-xlsx")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = org.kaohe.web.PeopleWorkbooks.headerRow(sheet);
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("对象类型");
            assertThat(sheet.getLastRowNum() - header).isEqualTo(80); // the cadres' tab: every demo cadre
            Row first = sheet.getRow(header + 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("干部");
            assertThat(first.getCell(4).getNumericCellValue()).isPositive();
        }
    }

    /** The files of a folder as a file input takes several: absolute paths, one per line. */
    static String demoFiles(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted()
                    .map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n"));
        }
    }
}
