package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.imports.ParsedFolder;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.reference.ReferenceResult;
import org.kaohe.reference.ReferenceScorer;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command line as the README fixes it, run through the real jar on the demo quarter: import,
 * rules validate / publish / list, evaluate, results in three formats, explain, simulate, and a
 * leader's change to a decision table taking effect with no build step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineIT {

    private static final Path DEMO_Q3 = Path.of("data", "2026-Q3");

    @TempDir
    Path dir;

    private KaoheJar kaohe;

    @BeforeAll
    void freshDatabase(@TempDir Path databaseFolder) {
        kaohe = new KaoheJar(databaseFolder);
    }

    @Test
    @Order(1)
    void importStoresTheDemoQuarterAndPrintsCounts() throws Exception {
        KaoheJar.Run run = kaohe.run("import", DEMO_Q3.toString(), "--lang", "zh");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // one line per file with its exact row count (the file's lines less its header), then the version
        for (String file : List.of("departments.csv", "cadres.csv", "targets.csv", "appraisals.csv", "events.csv",
                "organizations.csv")) {
            assertThat(run.out().lines()).as(run.out())
                    .contains(String.format("  %-18s %6d 条记录  (UTF-8)", file, dataRows(DEMO_Q3.resolve(file))));
        }
        assertThat(run.out()).contains("2026-Q3：已导入为第 1 版(导入编号 1)");
        // Standard output is the command's alone: without the command line's logging set up, Spring,
        // Flyway and Hikari would write their INFO lines here.
        assertThat(run.out().lines()).as(run.out()).noneMatch(line -> line.matches(".*\\b(INFO|WARN|ERROR|DEBUG)\\b.*"));
    }

    @Test
    @Order(2)
    void brokenImportFolderIsRefusedWithLocatedProblems() throws Exception {
        Path broken = copyOf(DEMO_Q3, dir.resolve("2026-Q3"));
        Path targets = broken.resolve("targets.csv");
        List<String> lines = Files.readAllLines(targets, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).replaceFirst(",CADRE,", ",CADRE_X,"));
        Files.write(targets, lines, StandardCharsets.UTF_8);

        KaoheJar.Run run = kaohe.run("import", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).containsPattern("targets\\.csv:4: owner_type: .+");
    }

    @Test
    @Order(3)
    void brokenRuleTablesAreReportedByFileRowAndColumnAndNotPublished() throws Exception {
        Path draft = copyOf(Path.of("rules"), dir.resolve("broken-rules"));
        Files.writeString(draft.resolve("zz-old.drl"), "package kaohe.rulebook\n\nrule \"exit\"\nwhen\nthen\n  System.exit(0);\nend\n");
        Path grades = draft.resolve("grades.csv");
        Files.writeString(grades, Files.readString(grades, StandardCharsets.UTF_8).replace(",GOOD,好,90,", ",GOOD,好,70,"),
                StandardCharsets.UTF_8);

        KaoheJar.Run validate = kaohe.run("rules", "validate", draft.toString());
        KaoheJar.Run publish = kaohe.run("rules", "publish", draft.toString(), "--reason", "试一试");
        KaoheJar.Run list = kaohe.run("rules", "list");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.out()).contains("zz-old.drl: 不再接受 Drools 规则文件");
        Files.delete(draft.resolve("zz-old.drl"));
        KaoheJar.Run tables = kaohe.run("rules", "validate", draft.toString());
        assertThat(tables.exitCode()).isEqualTo(2);
        assertThat(tables.out()).contains("grades.csv:3:D(最低分): 等次分数线顺序错误");
        assertThat(publish.exitCode()).isEqualTo(2);
        assertThat(list.out().lines().skip(2).count()).as("nothing published").isZero();
    }

    @Test
    @Order(4)
    void defaultRulebookValidatesAndPublishes() throws Exception {
        assertThat(kaohe.run("rules", "validate").exitCode()).isZero();
        KaoheJar.Run test = kaohe.run("rules", "test");
        assertThat(test.exitCode()).as(test.out()).isZero();
        KaoheJar.Run publish = kaohe.run("rules", "publish", "rules", "--reason", "默认考核细则");
        KaoheJar.Run list = kaohe.run("rules", "list");

        assertThat(publish.exitCode()).as(publish.out() + publish.err()).isZero();
        assertThat(list.out()).containsPattern("\\*\\s+[0-9a-f]{12}\\s");
    }

    @Test
    @Order(5)
    void evaluateAndResultsListEverySubjectInTheFixedColumns() throws Exception {
        KaoheJar.Run evaluate = kaohe.run("evaluate", "--period", "2026-Q3");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();

        KaoheJar.Run csv = kaohe.run("results", "--period", "2026-Q3", "--format", "csv");

        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).startsWith("\uFEFFsubject_type,subject_id,name,dept_id,score,grade,rank,vetoed");
        List<CSVRecord> rows = parseCsv(csv.out());
        // Every subject as the reference scorer (docs/scheme.md in plain Java, no engine) scores the
        // same files: score to the cent, final grade, rank and veto.
        List<ReferenceResult> expected = ReferenceScorer.evaluate(ParsedFolder.records(DEMO_Q3, Period.parse("2026-Q3"), 1));
        assertThat(rows).hasSize(expected.size()).hasSize(6 + 85);
        for (CSVRecord row : rows) {
            ReferenceResult reference = ReferenceScorer.find(expected, SubjectType.valueOf(row.get("subject_type")),
                    row.get("subject_id"));
            assertThat(row.get("score")).as(row.get("subject_id")).isEqualTo(reference.score().setScale(2).toPlainString());
            assertThat(row.get("grade")).as(row.get("subject_id")).isEqualTo(reference.finalGrade());
            assertThat(row.get("rank")).as(row.get("subject_id")).isEqualTo(Integer.toString(reference.rank()));
            assertThat(row.get("vetoed")).as(row.get("subject_id")).isEqualTo(Boolean.toString(reference.vetoed()));
        }
    }

    @Test
    @Order(6)
    void jsonOnStandardOutputIsPureJson() throws Exception {
        KaoheJar.Run json = kaohe.run("results", "--period", "2026-Q3", "--format", "json");

        JsonNode rows = new ObjectMapper().readTree(json.out());
        List<CSVRecord> csv = parseCsv(kaohe.run("results", "--period", "2026-Q3", "--format", "csv").out());
        // the same rows, in the same order, with the same values as the CSV
        assertThat(rows).hasSize(csv.size());
        for (int i = 0; i < csv.size(); i++) {
            for (String column : List.of("subject_type", "subject_id", "name", "dept_id", "grade", "rank", "vetoed")) {
                assertThat(rows.get(i).get(column).asText()).as("row %d %s", i, column).isEqualTo(csv.get(i).get(column));
            }
            assertThat(rows.get(i).get("score").decimalValue()).as("row %d score", i)
                    .isEqualByComparingTo(csv.get(i).get("score"));
        }
        assertThat(rows.get(0).get("subject_type").asText()).isEqualTo("DEPARTMENT");
    }

    @Test
    @Order(6)
    void thePeoplesWorkbookIsWrittenInChineseAndSetUpToPrint() throws Exception {
        Path out = dir.resolve("2026-Q3.xlsx");
        KaoheJar.Run run = kaohe.run("results", "--period", "2026-Q3", "--format", "xlsx", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("考核结果 2026-Q3");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
        }
    }

    @Test
    @Order(7)
    void explanationLinesAddUpAndPointAtRealRowsOfTheDemoFiles() throws Exception {
        Map<String, CSVRecord> results = resultsById();
        for (String subject : List.of("C0002", "C0021", "C0035", "D02", "D03")) {
            KaoheJar.Run explain = kaohe.run("explain", "--period", "2026-Q3", "--subject", subject, "--format", "json");
            assertThat(explain.exitCode()).as(explain.err()).isZero();
            JsonNode explanation = new ObjectMapper().readTree(explain.out());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : explanation.get("lines")) {
                sum = sum.add(line.get("points").decimalValue());
                assertThat(line.get("rulebook_version").asText()).startsWith("sha256:");
                // parts and rules by the names people read, from the run's rulebook (parts.csv: T is 目标任务)
                if (line.get("part").asText().equals("T")) {
                    assertThat(line.get("part_name").asText()).isEqualTo("目标任务");
                }
                if (line.get("rule").asText().startsWith("bonus-points.csv:")) {
                    assertThat(line.get("rule_name").asText()).startsWith("加分表 第 ");
                }
                for (JsonNode evidence : line.get("evidence")) {
                    assertThat(demoRow(evidence.asText())).as("%s evidence %s", subject, evidence).isNotBlank();
                }
            }
            assertThat(sum).as(subject).isEqualByComparingTo(results.get(subject).get("score"));
        }
        KaoheJar.Run text = kaohe.run("explain", "--period", "2026-Q3", "--subject", "C0002");
        assertThat(text.out().lines().filter(l -> l.contains("合计 total")))
                .singleElement().satisfies(total -> assertThat(total.split("\\s+")).contains(results.get("C0002").get("score")));
        assertThat(text.out()).contains("T 目标任务").contains("民主测评");
    }

    @Test
    @Order(8)
    void unknownSubjectOrPeriodExitsTwoWithAMessage() throws Exception {
        KaoheJar.Run subject = kaohe.run("explain", "--period", "2026-Q3", "--subject", "NOBODY");
        KaoheJar.Run period = kaohe.run("results", "--period", "2031-Q1");
        KaoheJar.Run malformed = kaohe.run("results", "--period", "2026-3");

        assertThat(subject.exitCode()).isEqualTo(2);
        assertThat(subject.err()).contains("NOBODY");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("2026-3");

        // in the language asked for, before or after the command; in both on a machine whose locale says neither
        assertThat(kaohe.run("--lang", "en", "results", "--period", "2031-Q1").err().strip())
                .isEqualTo("no run for 2031-Q1 yet: run `evaluate --period 2031-Q1` first");
        assertThat(kaohe.run("results", "--period", "2031-Q1", "--lang", "zh").err().strip())
                .isEqualTo("考核期 2031-Q1 尚无考核结果,请先运行 evaluate --period 2031-Q1");
        assertThat(period.err().strip()).isEqualTo("考核期 2031-Q1 尚无考核结果,请先运行 evaluate --period 2031-Q1"
                + " / no run for 2031-Q1 yet: run `evaluate --period 2031-Q1` first");
        KaoheJar.Run unknownLanguage = kaohe.run("results", "--period", "2031-Q1", "--lang", "fr");
        assertThat(unknownLanguage.exitCode()).isEqualTo(2);
        assertThat(unknownLanguage.err()).contains("--lang", "'fr'");
    }

    @Test
    @Order(9)
    void leadersChangeToATableTakesEffectWithoutABuild() throws Exception {
        Path changed = copyOf(Path.of("rules"), dir.resolve("leader-rules"));
        // the leader rating worth 10 instead of 20, so the cadres' full marks are 90
        Path parts = changed.resolve("parts.csv");
        Files.writeString(parts, Files.readString(parts, StandardCharsets.UTF_8).replace("L,领导评价,CADRE,,20,",
                "L,领导评价,CADRE,,10,"), StandardCharsets.UTF_8);
        Path settings = changed.resolve("settings.csv");
        Files.writeString(settings, Files.readString(settings, StandardCharsets.UTF_8).replace("FULL_MARKS_CADRE,,100,",
                "FULL_MARKS_CADRE,,90,"), StandardCharsets.UTF_8);
        BigDecimal before = new BigDecimal(resultsById().get("C0001").get("score"));

        // Each cadre loses a tenth of its leader_score (20 × s / 100 becomes 10 × s / 100); one without loses nothing.
        Map<String, BigDecimal> expectedLoss = leaderScores().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().movePointLeft(1).setScale(2, RoundingMode.UNNECESSARY).negate()));
        KaoheJar.Run simulate = kaohe.run("simulate", "--period", "2026-Q3", "--rules", changed.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.out().lines().filter(l -> l.contains(" C0001 "))).singleElement()
                .satisfies(line -> assertThat(line).endsWith("-9.80"));
        KaoheJar.Run json = kaohe.run("simulate", "--period", "2026-Q3", "--rules", changed.toString(), "--format", "json",
                "--all");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode simulated = new ObjectMapper().readTree(json.out());
        int cadres = 0;
        int changedScores = 0;
        for (JsonNode subject : simulated.get("subjects")) {
            BigDecimal delta = subject.get("delta").decimalValue();
            changedScores += delta.signum() != 0 ? 1 : 0;
            if (subject.get("subject_type").asText().equals("CADRE")) {
                cadres++;
                assertThat(delta).as(subject.get("subject_id").asText())
                        .isEqualByComparingTo(expectedLoss.getOrDefault(subject.get("subject_id").asText(), BigDecimal.ZERO));
            }
        }
        assertThat(cadres).isEqualTo(85);
        assertThat(simulated.get("scores_changed").asInt()).isEqualTo(changedScores);
        KaoheJar.Run lines = kaohe.run("simulate", "--period", "2026-Q3", "--rules", changed.toString(), "--format", "csv",
                "--subject", "C0001");
        assertThat(lines.exitCode()).as(lines.err()).isZero();
        assertThat(parseCsv(lines.out())).anySatisfy(line -> {
            assertThat(line.get("part")).isEqualTo("L");
            assertThat(line.get("change")).isEqualTo("CHANGED");
            assertThat(line.get("difference")).isEqualTo("-9.80");
        });
        // The book's scenario cases expect the old points: publishing is refused, naming the case and the difference.
        KaoheJar.Run refused = kaohe.run("rules", "publish", changed.toString(), "--reason", "领导评价改为 10 分");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("tests/worked-example/expected.csv:").contains("实际为");
        // The leader replaces the cases with one that states the new rule: C1, rated 90, no targets, no votes: L = 9.
        FileSystemUtils.deleteRecursively(changed.resolve("tests"));
        Path leaderCase = Files.createDirectories(changed.resolve("tests/leader-rating"));
        Files.writeString(leaderCase.resolve("departments.csv"), "dept_id,name,type\nD1,青川市总工会,工会\n");
        Files.writeString(leaderCase.resolve("cadres.csv"), "cadre_id,name,dept_id,position,birth_date\nC1,张三,D1,干事,1985-01-01\n");
        Files.writeString(leaderCase.resolve("appraisals.csv"),
                "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score\nC1,0,0,0,0,90\n");
        Files.writeString(leaderCase.resolve("expected.csv"), "subject_type,subject_id,score,grade\nCADRE,C1,9,较差\n");
        KaoheJar.Run publish = kaohe.run("rules", "publish", changed.toString(), "--reason", "领导评价改为 10 分",
                "--lang", "zh");
        assertThat(publish.exitCode()).as(publish.out()).isZero();
        assertThat(publish.out()).contains("测试用例:1/1 通过");
        assertThat(publish.out()).contains("试算 2026-Q3:");
        assertThat(kaohe.run("evaluate", "--period", "2026-Q3").exitCode()).isZero();

        // C0001's leader_score is 98 (appraisals.csv): L goes from 20 × 98 / 100 = 19.60 to 10 × 98 / 100 = 9.80.
        BigDecimal after = new BigDecimal(resultsById().get("C0001").get("score"));
        assertThat(after).isEqualByComparingTo(before.subtract(new BigDecimal("9.80")));
    }

    /** leader_score by cadre, as appraisals.csv of the demo quarter gives it. */
    private static Map<String, BigDecimal> leaderScores() throws IOException {
        try (var reader = Files.newBufferedReader(DEMO_Q3.resolve("appraisals.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords()
                    .stream().filter(r -> !r.get("leader_score").isBlank())
                    .collect(Collectors.toMap(r -> r.get("cadre_id"), r -> new BigDecimal(r.get("leader_score"))));
        }
    }

    /** The data rows of a demo file: its non-blank lines less the header. */
    private static long dataRows(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count() - 1;
    }

    private Map<String, CSVRecord> resultsById() throws Exception {
        KaoheJar.Run csv = kaohe.run("results", "--period", "2026-Q3", "--format", "csv");
        return parseCsv(csv.out()).stream().collect(Collectors.toMap(r -> r.get("subject_id"), Function.identity()));
    }

    private static List<CSVRecord> parseCsv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    /** The line of a demo file that evidence such as {@code targets.csv:17} names. */
    private static String demoRow(String evidence) throws IOException {
        int colon = evidence.lastIndexOf(':');
        List<String> lines = Files.readAllLines(DEMO_Q3.resolve(evidence.substring(0, colon)), StandardCharsets.UTF_8);
        int line = Integer.parseInt(evidence.substring(colon + 1));
        return line >= 2 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    private static Path copyOf(Path source, Path target) throws IOException {
        FileSystemUtils.copyRecursively(source, target);
        return target;
    }
}
