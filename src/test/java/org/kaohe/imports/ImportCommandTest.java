package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.testing.CliRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@code kaohe import FOLDER [--period P]}: its exit codes and what it prints. */
class ImportCommandTest extends ImportDatabaseTest {

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;


    /** The command in Chinese, whatever the machine's language. */
    private CliRun run(String... args) {
        return CliRun.inChinese(context, args);
    }

    @Test
    void aWorkbookImportsAsThePeriodItsFileNameHolds() throws IOException {
        Path workbook = dir.resolve("青川市 2063-Q3 考核数据.xlsx");
        Files.write(workbook, PeriodWorkbook.of(PeriodFiles.valid().inYear(2063).texts(), name -> name.replace(".csv", "")));

        CliRun run = run("import", workbook.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("青川市 2063-Q3 考核数据.xlsx!targets", "(XLSX)", "2063-Q3：已导入为第 1 版");
        assertThat(repository.loadCurrent(PeriodFiles.q3(2063)).orElseThrow().targets()).hasSize(2);
    }

    @Test
    void aBrokenWorkbookPrintsSheetAndRowAndExitsTwo() throws IOException {
        Path workbook = dir.resolve("2064-Q3.xlsx");
        Map<String, String> files = PeriodFiles.valid().inYear(2064).texts();
        files.put("cadres.csv", files.get("cadres.csv").replace("1990-03-15", "1990-13-15"));
        Files.write(workbook, PeriodWorkbook.of(files, name -> name.replace(".csv", "")));

        CliRun run = run("import", workbook.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("2064-Q3.xlsx!cadres:3: birth_date: ");
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2064));
    }

    @Test
    void aValidFolderImportsWithCountsAndTheSameFolderAgainIsUnchanged() {
        Path folder = PeriodFiles.valid().inYear(2041).writeTo(dir.resolve("2041-Q3"));

        CliRun first = run("import", folder.toString());
        CliRun second = CliRun.inEnglish(context, "import", folder.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("departments.csv", "2 条记录", "(UTF-8)").contains("2041-Q3：已导入为第 1 版")
                .doesNotContain("imported as version");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("departments.csv", "2 rows", "2041-Q3: files identical to the current version v1: "
                + "nothing changed").doesNotContain("完全相同");
        assertThat(repository.list()).filteredOn(v -> v.period().equals(PeriodFiles.q3(2041))).hasSize(1);
    }

    @Test
    void brokenFilesExitWithTwoListEveryProblemAndStoreNothing() {
        Path folder = PeriodFiles.valid().inYear(2042)
                .row("targets.csv", "T3,2042-Q3,CADRE,C9,QUALITY,培训,-1,1,1,2042-09-30,,N")
                .row("organizations.csv", "O2,D1,VILLAGE,abc,1,1")
                .writeTo(dir.resolve("2042-Q3"));
        Map<String, Long> before = rowCounts();

        CliRun run = run("import", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                "targets.csv:4: planned: " + chinese("import.row.positive", new Label("计划值", "planned"), "-1"),
                "targets.csv:4: owner_id: " + chinese("import.cross.subjectNotFound", "cadres.csv", new Label("干部", "cadre"), "C9"),
                "organizations.csv:3: secretary_age: " + chinese("import.cell.notANumber", "abc"),
                "2042-Q3：3 个错误，0 个警告，未导入任何数据");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void warningsArePrintedToo() {
        Path folder = PeriodFiles.valid().inYear(2043)
                .row("events.csv", "E3,2043-Q3,CADRE,C1,COMPLAINT,,1,2043-06-30,")
                .writeTo(dir.resolve("2043-Q3"));

        CliRun run = run("import", folder.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("警告: events.csv:4: date: " + chinese("import.event.dateOutside", "2043-Q3", "2043-06-30"));
    }

    @Test
    void thePeriodOptionOverridesTheFolderName() {
        Path folder = PeriodFiles.valid().inYear(2044).writeTo(dir.resolve("quarter-data"));

        CliRun withoutPeriod = CliRun.inEnglish(context, "import", folder.toString());
        CliRun withPeriod = run("import", folder.toString(), "--period", "2044-Q3");

        assertThat(withoutPeriod.exitCode()).isEqualTo(2);
        assertThat(withoutPeriod.err().strip()).isEqualTo(
                MessageText.of(Message.of("input.import.folderPeriod", "quarter-data"), Locale.ENGLISH));
        assertThat(withPeriod.exitCode()).isZero();
        assertThat(repository.loadCurrent(PeriodFiles.q3(2044))).isPresent();
    }

    @Test
    void aBadPeriodOrAMissingFolderExitsWithTwo() {
        Path folder = PeriodFiles.valid().inYear(2045).writeTo(dir.resolve("2045-Q3"));

        CliRun badPeriod = run("import", folder.toString(), "--period", "2045Q3");
        CliRun missing = run("import", dir.resolve("nowhere").toString());

        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("考核期格式应为 YYYY-Qn");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("文件夹或文件不存在");
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2045));
    }

    @Test
    void aFolderMissingAFileExitsTwoNamingItAndTheHeaderThatSaysNoRecords() {
        Path folder = PeriodFiles.valid().inYear(2046).without("targets.csv").writeTo(dir.resolve("2046-Q3"));

        CliRun run = run("import", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("targets.csv:0: 缺少文件 targets.csv;若没有此类记录,请提供只有表头一行的文件:target_id,",
                "2046-Q3：1 个错误");
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2046));
    }

    @Test
    void aLargeRemovalIsRefusedWithItsChangesUntilConfirmRemovalsIsGiven() {
        Path first = PeriodFiles.valid().inYear(2047).writeTo(dir.resolve("v1").resolve("2047-Q3"));
        Path second = PeriodFiles.valid().inYear(2047)
                .rows("events.csv", "event_id,period,subject_type,subject_id,kind,level,count,date,note")
                .writeTo(dir.resolve("v2").resolve("2047-Q3"));
        assertThat(run("import", first.toString()).exitCode()).isZero();

        CliRun held = run("import", second.toString());
        CliRun confirmed = run("import", second.toString(), "--confirm-removals");

        assertThat(held.exitCode()).isEqualTo(2);
        assertThat(held.out()).contains("与第 1 版相比:",
                "events.csv             新增 0,删除 2,修改 0  (2 → 0)  删除超过 1/3",
                "events.csv 将删除:E1, E2",
                "2047-Q3:events.csv 删除原有 2 行中的 2 行(100%),超过 1/3",
                "请加 --confirm-removals 再次导入");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("删除 2", "2047-Q3：已导入为第 2 版");
        assertThat(repository.list()).filteredOn(v -> v.period().equals(PeriodFiles.q3(2047)))
                .extracting(ImportVersionInfo::removalsConfirmed).containsExactly(false, true);
    }

    @Test
    void theYearEndAppraisalIsRefusedWhenMissingAndHeldOnALargeRemovalUntilConfirmed() throws IOException {
        importService.importFiles(PeriodFiles.valid().inYear(2048).bytes(), PeriodFiles.q3(2048), "hr");
        String header = "year,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent\n";
        Path year = Files.createDirectories(dir.resolve("2048"));

        CliRun missing = run("import", year.toString());
        Files.writeString(year.resolve("annual-appraisals.csv"), header + "2048,C1,5,1,0,0\n2048,C2,3,3,0,0\n");
        CliRun stored = run("import", year.toString());
        Files.writeString(year.resolve("annual-appraisals.csv"), header + "2048,C1,5,1,0,0\n");
        CliRun held = run("import", year.toString());
        int versionAfterHeld = jdbc.sql("SELECT MAX(version) FROM annual_import WHERE year_no = 2048")
                .query(Integer.class).single();
        CliRun confirmed = run("import", year.toString(), "--confirm-removals");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).contains("annual-appraisals.csv:0: 缺少文件 annual-appraisals.csv;若没有此类记录,"
                + "请提供只有表头一行的文件:year,cadre_id,votes_excellent");
        assertThat(stored.exitCode()).isZero();
        assertThat(stored.out()).contains("首个版本", "年度民主测评已导入为第 1 版");
        assertThat(held.exitCode()).isEqualTo(2);
        assertThat(held.out()).contains("annual-appraisals.csv 将删除:C2",
                "2048:annual-appraisals.csv 删除原有 2 行中的 1 行(50%),超过 1/3", "--confirm-removals");
        assertThat(versionAfterHeld).isEqualTo(1);
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).contains("删除 1", "年度民主测评已导入为第 2 版");
        assertThat(jdbc.sql("SELECT removals_confirmed FROM annual_import WHERE year_no = 2048 ORDER BY version")
                .query(Boolean.class).list()).containsExactly(false, true);
    }

    /** A problem's message as the command line prints it when the reader's language is not known. */
    /** A problem's message as the command line words it for a Chinese reader. */
    private static String chinese(String key, Object... args) {
        return MessageText.of(Message.of(key, args), Locale.SIMPLIFIED_CHINESE);
    }
}
