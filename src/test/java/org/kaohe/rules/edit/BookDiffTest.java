package org.kaohe.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.edit.BookDiff.Kind;
import org.kaohe.rules.edit.BookDiff.RowDiff;
import org.kaohe.rules.edit.BookDiff.TableDiff;

/** The readable difference of two books: one changed number is one changed cell; rows added and removed; the rest folds. */
class BookDiffTest {

    private static final Map<String, String> STANDARD = standard();

    @Test
    void oneChangedNumberIsOneChangedCellAndEveryOtherTableIsIdentical() {
        Map<String, String> newer = with("grades.csv", ",GOOD,好,90,SHARE,0.40,", ",GOOD,好,90,SHARE,0.30,");

        BookDiff diff = BookDiff.of(STANDARD, newer);

        TableDiff grades = table(diff, BookTable.GRADES);
        assertThat(grades.changes()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(Kind.CHANGED);
            assertThat(row.oldLine()).isEqualTo(2);
            assertThat(row.newLine()).isEqualTo(2);
            assertThat(row.cells().stream().filter(BookDiff.CellDiff::changed))
                    .singleElement().satisfies(cell -> {
                        assertThat(cell.column()).isEqualTo("quota_value");
                        assertThat(cell.before()).isEqualTo("0.40");
                        assertThat(cell.after()).isEqualTo("0.30");
                    });
        });
        assertThat(diff.tables()).filteredOn(t -> t.table() != BookTable.GRADES).allMatch(TableDiff::identical);
        assertThat(diff.identical()).isFalse();
        assertThat(BookDiff.of(STANDARD, STANDARD).identical()).isTrue();
    }

    @Test
    void anInsertedRowIsAddedAndTheRowsBelowItAreNotChanged() {
        Map<String, String> newer = with("bonus-points.csv", ",,AWARD,CITY,1,,\n", ",,AWARD,CITY,1,,\n,,AWARD,DISTRICT,0.5,,\n");

        TableDiff bonus = table(BookDiff.of(STANDARD, newer), BookTable.BONUS);

        assertThat(bonus.changes()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(Kind.ADDED);
            assertThat(row.newLine()).isEqualTo(5);
            assertThat(row.cells()).anySatisfy(c -> assertThat(c.after()).isEqualTo("DISTRICT"));
        });
        assertThat(bonus.rows()).filteredOn(r -> r.kind() == Kind.SAME).hasSize(12);
    }

    @Test
    void aRemovedRowAndAChangedRowInOneStretchAreToldApart() {
        Map<String, String> newer = new TreeMap<>(STANDARD);
        newer.put("deduction-points.csv", STANDARD.get("deduction-points.csv")
                .replace("CADRE,,OVERDUE,,0.5,,\n", "")
                .replace("CADRE,,FIRST_INQUIRY_BREACH,,1,,", "CADRE,,FIRST_INQUIRY_BREACH,,2,,"));

        TableDiff deductions = table(BookDiff.of(STANDARD, newer), BookTable.DEDUCTIONS);

        assertThat(deductions.changes()).extracting(RowDiff::kind).containsExactly(Kind.REMOVED, Kind.CHANGED);
        assertThat(deductions.changes().get(0).cells()).anySatisfy(c -> assertThat(c.before()).isEqualTo("OVERDUE"));
        assertThat(deductions.changes().get(1).cells()).filteredOn(BookDiff.CellDiff::changed)
                .singleElement().satisfies(c -> assertThat(c.column()).isEqualTo("points"));
        assertThat(deductions.removedRows()).isEqualTo(1);
        assertThat(deductions.changedRows()).isEqualTo(1);
    }

    @Test
    void scenarioCasesAreComparedLineByLine() {
        Map<String, String> older = new TreeMap<>(STANDARD);
        older.put("tests/one/expected.csv", "对象类型 subject_type,对象编号 subject_id,得分 score\nCADRE,C1,80\n");
        Map<String, String> newer = new TreeMap<>(STANDARD);
        newer.put("tests/one/expected.csv", "对象类型 subject_type,对象编号 subject_id,得分 score\nCADRE,C1,81\n");

        BookDiff diff = BookDiff.of(older, newer);

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("tests/one/expected.csv");
            assertThat(f.changes()).extracting(LineDiff.Line::text).containsExactlyInAnyOrder("CADRE,C1,80", "CADRE,C1,81");
        });
        assertThat(diff.tables()).allMatch(TableDiff::identical);
    }

    private static TableDiff table(BookDiff diff, BookTable table) {
        return diff.tables().stream().filter(t -> t.table() == table).findFirst().orElseThrow();
    }

    private static Map<String, String> with(String file, String before, String after) {
        Map<String, String> files = new TreeMap<>(STANDARD);
        assertThat(files.get(file)).contains(before);
        files.put(file, files.get(file).replace(before, after));
        return files;
    }

    private static Map<String, String> standard() {
        try {
            return RulebookService.read(Path.of("src/test/resources/books/standard")).files();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
