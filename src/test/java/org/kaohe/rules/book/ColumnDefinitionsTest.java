package org.kaohe.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.edit.EditableTable;

/**
 * One definition per rule table: the manual's column tables are the definitions' (regenerate them
 * with {@code -Dkaohe.manual.write=true}), every message key a definition names exists in both
 * languages, and the parser refuses a number past a column's range at that column, whatever the
 * column, so the ranges the manual shows are the ones the parser applies.
 */
class ColumnDefinitionsTest {

    private static final Path BOOK = Path.of("rules");
    private static final Path MANUAL = BOOK.resolve("README.md");
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("messages", Locale.ROOT);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH);

    private final ColumnManual manual = new ColumnManual(CHINESE::getString, ENGLISH::getString);

    @Test
    void theManualsColumnTablesAreTheDefinitions() throws IOException {
        String text = Files.readString(MANUAL);
        String generated = manual.rewrite(text);
        if (Boolean.getBoolean("kaohe.manual.write")) {
            Files.writeString(MANUAL, generated);
        }
        assertThat(text.lines().toList()).as("rules/README.md's column tables differ from the definitions"
                + " (TableColumns): regenerate them with -Dkaohe.manual.write=true")
                .containsExactlyElementsOf(generated.lines().toList());
    }

    @Test
    void theManualHasEveryTablesColumns() throws IOException {
        List<String> documented = ColumnManual.documented(Files.readString(MANUAL));
        for (BookTable table : BookTable.values()) {
            if (table == BookTable.DEDUCTIONS) {
                assertThat(table.columns()).as("the deduction table is documented with the bonus table's columns")
                        .isEqualTo(BookTable.BONUS.columns());
            } else {
                assertThat(documented).as("a column table for " + table.fileName()).contains(table.fileName());
            }
        }
    }

    @Test
    void aGeneratedTableShowsTheDefinitionsRangesUnitsAndEmptyMeanings() {
        String parts = manual.table(BookTable.PARTS);
        assertThat(parts).contains("| 满分 max | 数字 0 – 1000(分) / a number 0 – 1000 (points) | 不封顶 / no cap |")
                .contains("| 计分方法 method | `TARGETS` 目标任务加权、").contains("| 代码 code | 部分代码:大写英文字母或汉字开头")
                .contains("| 必填 / required |");
        assertThat(manual.table(BookTable.GATES)).contains("| 最多次数 max_units | 整数 ≥ 1(次) / a whole number ≥ 1"
                + " (times) | 不设上限 / no limit |");
    }

    @Test
    void everyMessageKeyOfADefinitionIsWordedInBothLanguages() throws IOException {
        Properties english = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages_en.properties"))) {
            english.load(reader);
        }
        for (BookTable table : BookTable.values()) {
            for (BookColumn column : table.columns()) {
                for (String key : Stream.of(column.editorEmptyKey(), column.unitKey()).filter(k -> k != null).toList()) {
                    assertThat(CHINESE.containsKey(key)).as(table.fileName() + " " + column.code() + ": " + key).isTrue();
                    assertThat(english.containsKey(key)).as(table.fileName() + " " + column.code() + " in English: " + key)
                            .isTrue();
                }
            }
        }
    }

    /** Every bounded number column of a table the shipped book fills: one past its range is refused at its cell. */
    @Test
    void theParserAppliesEveryColumnsRange() throws IOException {
        Map<String, String> book = shippedBook();
        assertThat(RulebookParser.parse(book).problems()).isEmpty();
        List<String> tried = new ArrayList<>();
        for (BookTable table : BookTable.values()) {
            EditableTable editable = EditableTable.read(table, book.get(table.fileName()));
            for (BookColumn column : table.columns()) {
                String outside = outside(column);
                if (outside == null || editable.rows().isEmpty()) {
                    continue;
                }
                List<Map<String, String>> rows = new ArrayList<>(editable.rows().stream()
                        .map(r -> (Map<String, String>) new HashMap<>(r.cells())).toList());
                rows.get(0).put(column.code(), outside);
                Map<String, String> changed = new HashMap<>(book);
                changed.put(table.fileName(), EditableTable.csv(table, rows));
                List<RuleProblem> problems = RulebookParser.parse(changed).problems();
                String where = table.fileName() + " " + column.code() + " = " + outside;
                assertThat(problems).as(where).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(table.fileName());
                    assertThat(p.line()).isEqualTo(editable.rows().get(0).line());
                    assertThat(p.column()).endsWith("(" + column.chinese() + ")");
                    assertThat(p.message()).contains("「" + outside + "」");
                });
                tried.add(where);
            }
        }
        assertThat(tried).as("the bounded columns tried").hasSizeGreaterThanOrEqualTo(8)
                .contains("annual-gates.csv min_quarters = 5", "parts.csv max = 1001");
    }

    /** A value just past the column's range: above its highest when it has one, else below its lowest. */
    private static String outside(BookColumn column) {
        if (column.type() != CellType.NUMBER && column.type() != CellType.WHOLE) {
            return null;
        }
        if (column.max() != null) {
            return column.max().add(BigDecimal.ONE).toPlainString();
        }
        return column.min() == null ? null : column.min().subtract(BigDecimal.ONE).toPlainString();
    }

    private static Map<String, String> shippedBook() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (BookTable table : BookTable.values()) {
            files.put(table.fileName(), Files.readString(BOOK.resolve(table.fileName()), StandardCharsets.UTF_8));
        }
        return files;
    }
}
