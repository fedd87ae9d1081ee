package org.kaohe.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;

import org.kaohe.errors.MessageText;
import org.kaohe.rules.CaseDiff;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.ScenarioCases;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.GradeRow;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.TableText;
import org.springframework.beans.factory.annotation.Autowired;
import org.kaohe.testing.KaoheTest;

/**
 * The editor's draft: the form's rows written back as each table's CSV and kept on the server for
 * its author; unchanged tables keep their published text; problems land at the cell they name;
 * uploads (a zip with scenario cases, single tables) go into the same draft.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleEditorTest {

    private static final Path STANDARD = Path.of("src/test/resources/books/standard");

    @Autowired RuleEditor editor;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    RulebookSource published;

    @BeforeAll
    void theStandardBookIsPublished() throws Exception {
        rulebooks.publish(RulebookService.read(STANDARD), "test", "测试 test");
        published = rulebooks.current().orElseThrow().source();
    }

    @Test
    void withoutADraftTheEditorShowsThePublishedBookAndAnUnchangedFormKeepsItsVersion() throws Exception {
        RuleEditor.Editing editing = editor.open("leader-same");
        assertThat(editing.hasDraft()).isFalse();
        assertThat(editing.table(BookTable.GRADES).rows()).hasSize(4);

        RuleEditor.Saved saved = editor.saveForm("leader-same", rowsOf(editing));

        assertThat(saved.problems()).isEmpty();
        assertThat(saved.editing().hasDraft()).isTrue();
        assertThat(saved.editing().version()).isEqualTo(published.version());
        assertThat(drafts.draftSource(saved.draftId()).files()).isEqualTo(published.files());
    }

    @Test
    void changedCellsBecomeTheTablesCsvAndTheOtherTablesKeepTheirText() throws Exception {
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-edit"));
        cell(rows, BookTable.GRADES, "code", "GOOD").put("quota_value", "0.30");
        rows.get(BookTable.BONUS).stream().filter(r -> r.get("kind").equals("AWARD") && r.get("level").equals("CITY"))
                .findFirst().orElseThrow().put("points", "1.5");

        RuleEditor.Saved saved = editor.saveForm("leader-edit", rows);

        assertThat(saved.problems()).isEmpty();
        RulebookSource draft = drafts.draftSource(saved.draftId());
        // A table the form wrote has every column of its definition: the English name, empty in this book, too.
        assertThat(draft.files().get("grades.csv").split("\n")[1]).isEqualTo(",GOOD,好,90,SHARE,0.30,1,HALF_UP,");
        for (String unchanged : List.of("settings.csv", "parts.csv", "kinds.csv", "levels.csv", "deduction-points.csv",
                "gates.csv", "participation.csv")) {
            assertThat(draft.files().get(unchanged)).as(unchanged).isEqualTo(published.files().get(unchanged));
        }
        CompiledRulebook compiled = RulebookCompiler.compile(draft);
        GradeRow good = compiled.book().grades().get(0);
        assertThat(good.quotaValue()).isEqualByComparingTo("0.30");
        assertThat(good.ref().line()).isEqualTo(2);
        PriceRow cityAward = compiled.book().prices().stream()
                .filter(p -> p.kind().equals("AWARD") && "CITY".equals(p.level())).findFirst().orElseThrow();
        assertThat(cityAward.points()).isEqualByComparingTo(new BigDecimal("1.5"));

        // Saving again keeps the same draft: the author has one draft, updated in place.
        Map<BookTable, List<Map<String, String>>> again = rowsOf(editor.open("leader-edit"));
        cell(again, BookTable.GRADES, "code", "GOOD").put("quota_value", "0.35");
        RuleEditor.Saved second = editor.saveForm("leader-edit", again);
        assertThat(second.draftId()).isEqualTo(saved.draftId());
        assertThat(drafts.openDrafts()).filteredOn(d -> d.author().equals("leader-edit")).hasSize(1);
        assertThat(editor.open("leader-edit").table(BookTable.GRADES).rows().get(0).cell("quota_value")).isEqualTo("0.35");
        assertThat(editor.open("leader-edit").table(BookTable.BONUS).content()).contains(",,AWARD,CITY,1.5,,");
    }

    @Test
    void aWrongValueIsReportedAtItsCellAndTheDraftKeepsWhatWasTyped() throws Exception {
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-wrong"));
        cell(rows, BookTable.GRADES, "code", "GOOD").put("quota_value", "1.5");
        cell(rows, BookTable.SETTINGS, "name", "LATE_FACTOR").put("value", "八成");

        RuleEditor.Saved saved = editor.saveForm("leader-wrong", rows);

        assertThat(saved.problems()).extracting(RuleProblem::file).contains("grades.csv", "settings.csv");
        assertThat(saved.problems()).extracting(RuleProblem::typed).contains(Message.of("rules.grade.share", "1.5"),
                Message.of("rules.cell.notNumber", "八成"));
        // Placed at their cells, worded for the page's reader: the English editor shows English problems.
        FieldProblems placed = FieldProblems.place(saved.problems(), saved.editing().byFile(), Locale.ENGLISH);
        assertThat(placed.cell("grades.csv", 0, "quota_value"))
                .containsExactly(MessageText.of(Message.of("rules.grade.share", "1.5"), Locale.ENGLISH));
        int lateFactor = rowIndex(saved.editing().table(BookTable.SETTINGS), "name", "LATE_FACTOR");
        assertThat(placed.cell("settings.csv", lateFactor, "value"))
                .containsExactly(MessageText.of(Message.of("rules.cell.notNumber", "八成"), Locale.ENGLISH));
        assertThat(FieldProblems.place(saved.problems(), saved.editing().byFile(), Locale.SIMPLIFIED_CHINESE)
                .cell("settings.csv", lateFactor, "value"))
                .containsExactly(MessageText.of(Message.of("rules.cell.notNumber", "八成"), Locale.SIMPLIFIED_CHINESE));
        assertThat(placed.count("grades.csv")).isEqualTo(1);
        assertThat(placed.book()).isEmpty();
        assertThat(editor.open("leader-wrong").table(BookTable.GRADES).rows().get(0).cell("quota_value")).isEqualTo("1.5");
        // Publishing the draft is refused at the same cell, and nothing is published.
        int publications = rulebooks.publications().size();
        assertThatThrownBy(() -> rulebooks.publishDraft(saved.draftId(), "leader-wrong", "试试"))
                .isInstanceOf(RulebookInvalidException.class);
        assertThat(rulebooks.publications()).hasSize(publications);
    }

    @Test
    void rowsAreAddedRemovedAndReorderedAndBlankRowsLeftOut() throws Exception {
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-rows"));
        List<Map<String, String>> levels = rows.get(BookTable.LEVELS);
        int city = rowIndex(levels, "code", "CITY");
        levels.add(city + 1, new HashMap<>(Map.of("code", "DISTRICT", "name", "区级")));
        levels.removeIf(r -> r.get("code").equals("NO_CONTRIBUTION") || r.get("code").equals("CONTRIBUTED"));
        Map<String, String> lead = levels.remove(rowIndex(levels, "code", "LEAD"));
        levels.add(0, lead);
        levels.add(new HashMap<>(Map.of("code", " ", "name", "")));
        // JOINT_PROJECT still names CONTRIBUTED and NO_CONTRIBUTION: the kinds table would be refused, so drop them there too.
        cell(rows, BookTable.KINDS, "code", "JOINT_PROJECT").put("levels", "LEAD");
        rows.get(BookTable.BONUS).removeIf(r -> "CONTRIBUTED".equals(r.get("level")));
        rows.get(BookTable.DEDUCTIONS).removeIf(r -> "NO_CONTRIBUTION".equals(r.get("level")));

        RuleEditor.Saved saved = editor.saveForm("leader-rows", rows);

        assertThat(saved.problems()).isEmpty();
        assertThat(drafts.draftSource(saved.draftId()).files().get("levels.csv")).isEqualTo("""
                代码 code,名称 name,英文名称 name_en
                LEAD,牵头,
                NATIONAL,国家级,
                PROVINCIAL,省级,
                CITY,市级,
                DISTRICT,区级,
                COUNTY,县级,
                DEPARTMENT,单位内部,
                """);
    }

    @Test
    void eachLeaderHasTheirOwnDraftAndDiscardingClosesIt() throws Exception {
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-one"));
        cell(rows, BookTable.GRADES, "code", "GOOD").put("min_score", "95");
        long one = editor.saveForm("leader-one", rows).draftId();

        assertThat(editor.open("leader-two").hasDraft()).isFalse();
        assertThat(editor.open("leader-two").table(BookTable.GRADES).rows().get(0).cell("min_score")).isEqualTo("90");
        assertThat(editor.open("leader-one").draft().id()).isEqualTo(one);

        editor.discard("leader-one");
        assertThat(editor.open("leader-one").hasDraft()).isFalse();
        assertThat(drafts.draft(one).orElseThrow().status()).isEqualTo("DISCARDED");
    }

    @Test
    void aZipWithScenarioCasesGoesIntoTheDraftWithItsCases() throws Exception {
        RulebookSource folder = RulebookService.read(Path.of("rules"));
        assertThat(folder.testFiles()).isNotEmpty();
        byte[] zip = RulebookZip.zip(folder);

        RulebookSource unzipped = RulebookZip.unzip("rules.zip", zip);
        assertThat(unzipped.files()).isEqualTo(folder.files());
        RuleEditor.Saved saved = editor.upload("leader-zip", unzipped);

        RulebookSource draft = drafts.draftSource(saved.draftId());
        assertThat(draft.testFiles()).isEqualTo(folder.testFiles());
        assertThat(draft.tables()).isEqualTo(folder.tables());
    }

    @Test
    void aZippedFolderIsUnpackedFromInsideItsFolder() throws Exception {
        byte[] zip = zipOf(Map.of("my-rules/grades.csv", "\uFEFF" + published.files().get("grades.csv"),
                "my-rules/tests/one/expected.csv", "对象类型 subject_type,对象编号 subject_id,得分 score\n",
                "my-rules/README.md", "notes"));

        RulebookSource unzipped = RulebookZip.unzip("mine.zip", zip);

        assertThat(unzipped.files().keySet()).containsExactly("grades.csv", "tests/one/expected.csv");
        assertThat(unzipped.files().get("grades.csv")).isEqualTo(published.files().get("grades.csv"));
    }

    @Test
    void anUnsafeOrBrokenArchiveIsRefusedWithItsReason() {
        assertThatThrownBy(() -> RulebookZip.unzip("evil.zip", zipOf(Map.of("../grades.csv", "x"))))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::file, RuleProblem::typed)
                        .containsExactly(tuple("evil.zip", Message.of("rules.zip.unsafePath", "../grades.csv"))));
        assertThatThrownBy(() -> RulebookZip.unzip("text.zip", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::file, RuleProblem::typed)
                        .containsExactly(tuple("text.zip", Message.of("rules.zip.notAZip"))));

    }

    @Test
    void aSingleUploadedTableReplacesOnlyThatTableOfTheDraft() throws Exception {
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-upload"));
        cell(rows, BookTable.GRADES, "code", "GOOD").put("min_score", "92");
        editor.saveForm("leader-upload", rows);
        String levels = published.files().get("levels.csv") + "DISTRICT,区级\n";

        RuleEditor.Saved saved = editor.upload("leader-upload", RulebookSource.of(Map.of("levels.csv", levels)));

        RulebookSource draft = drafts.draftSource(saved.draftId());
        assertThat(draft.files().get("levels.csv")).isEqualTo(levels);
        assertThat(draft.files().get("grades.csv")).contains(",GOOD,好,92,");
    }

    @Test
    void aFileARulebookCannotHoldRefusesTheUploadAndChangesNothing() throws Exception {
        assertThatThrownBy(() -> editor.upload("leader-misfit", RulebookSource.of(Map.of("rules.drl", "rule x end"))))
                .isInstanceOf(RulebookInvalidException.class).hasMessageContaining("Drools");
        assertThat(editor.open("leader-misfit").hasDraft()).isFalse();
    }

    @Test
    void aTableEditedAsTextIsKeptAsTyped() throws Exception {
        String text = published.files().get("levels.csv").replace("CITY,市级", "CITY,市级\nDISTRICT,区级");

        RuleEditor.Saved saved = editor.saveText("leader-text", BookTable.LEVELS, text);

        assertThat(drafts.draftSource(saved.draftId()).files().get("levels.csv")).isEqualTo(text);
        assertThat(saved.editing().table(BookTable.LEVELS).rows()).hasSize(9);
    }

    @Test
    void theDraftsResultsAreAcceptedIntoTheFailingCasesAsReviewed() throws Exception {
        editor.upload("leader-cases", RulebookService.read(Path.of("rules")));
        Map<BookTable, List<Map<String, String>>> rows = rowsOf(editor.open("leader-cases"));
        rows.get(BookTable.BONUS).stream().filter(r -> r.get("kind").equals("AWARD") && r.get("level").equals("CITY"))
                .findFirst().orElseThrow().put("points", "1.5");
        RulebookSource draft = editor.saveForm("leader-cases", rows).editing().source();
        assertThat(rulebooks.check(draft).cases()).filteredOn(c -> !c.passed()).extracting(c -> c.name())
                .containsExactly("bonus");

        // The review: only the bonus case, and in it exactly the two subjects with a city award (rules/README.md §7 a).
        ScenarioCases.Accepted review = editor.reviewFailingCases("leader-cases");
        assertThat(review.diffs()).singleElement().satisfies(d -> {
            assertThat(d.caseName()).isEqualTo("bonus");
            assertThat(d.changes()).extracting(CaseDiff.Change::subject, CaseDiff.Change::item, CaseDiff.Change::after)
                    .containsExactly(
                            tuple("干部 C3", "部分 B", "1.5 市级表彰 ×1;1 县级表彰「中文写法」 ×2;0.6 市级宣传信息采用 ×3"),
                            tuple("部门 D1", "部分 B", "2 省级示范点;1 市级示范点;1 牵头资源整合项目;1.5 市级表彰;"
                                    + "-0.5 加分合计 5.5 超过上限 5,核减 0.5"));
            assertThat(d.recheck()).containsExactly("干部 C3", "部门 D1");
            assertThat(d.remaining()).isEmpty();
        });
        assertThat(drafts.draftSource(editor.open("leader-cases").draft().id())).isEqualTo(draft); // nothing kept yet

        // Confirming a review of another draft is refused; confirming this one writes what it showed.
        assertThatThrownBy(() -> editor.acceptFailingCases("leader-cases", "sha256:older"))
                .isInstanceOf(RulebookInvalidException.class).hasMessageContaining("重新查看");
        RulebookSource source = editor.acceptFailingCases("leader-cases", draft.version()).source();
        assertThat(source).isEqualTo(review.source()).isEqualTo(editor.open("leader-cases").source());
        String lines = source.files().get("tests/bonus/expected-lines.csv");
        assertThat(lines).contains("CADRE,C3,B,1.5,市级表彰 ×1").contains("DEPARTMENT,D1,B,-0.5,\"加分合计 5.5 超过上限 5");
        assertThat(source.files().get("tests/bonus/expected.csv")).contains("CADRE,C3,,,,,待核对 / to re-check: B 1.5 + 1 + 0.6");
        assertThat(rulebooks.check(source).cases()).filteredOn(c -> c.name().equals("bonus"))
                .singleElement().satisfies(c -> {
                    assertThat(c.passed()).isTrue();
                    assertThat(c.toRecheck()).isEqualTo(2);
                });
        // The other cases are as they were.
        assertThat(source.files().get("tests/worked-example/expected.csv"))
                .isEqualTo(RulebookService.read(Path.of("rules")).files().get("tests/worked-example/expected.csv"));

        RuleEditor.Saved dropped = editor.dropCase("leader-cases", "bonus");
        assertThat(dropped.editing().source().testFiles().keySet()).noneMatch(f -> f.startsWith("tests/bonus/"));
    }

    /** What the page's form posts for a book: every table, every row, every cell by column code. */
    static Map<BookTable, List<Map<String, String>>> rowsOf(RuleEditor.Editing editing) {
        Map<BookTable, List<Map<String, String>>> rows = new EnumMap<>(BookTable.class);
        for (BookTable table : BookTable.values()) {
            List<Map<String, String>> tableRows = new ArrayList<>();
            for (TableText.Row row : editing.table(table).rows()) {
                tableRows.add(new HashMap<>(row.cells()));
            }
            rows.put(table, tableRows);
        }
        return rows;
    }

    private static Map<String, String> cell(Map<BookTable, List<Map<String, String>>> rows, BookTable table,
                                            String column, String value) {
        return rows.get(table).get(rowIndex(rows.get(table), column, value));
    }

    private static int rowIndex(List<Map<String, String>> rows, String column, String value) {
        for (int i = 0; i < rows.size(); i++) {
            if (value.equals(rows.get(i).get(column))) {
                return i;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value);
    }

    private static int rowIndex(EditableTable table, String column, String value) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).cell(column).equals(value)) {
                return i;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value);
    }

    private static byte[] zipOf(Map<String, String> entries) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
