package org.kaohe.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.edit.EditableTable;
import org.kaohe.rules.edit.FieldProblems;
import org.kaohe.rules.edit.RuleEditor;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's problems while the leader types (LEADER): the form as it stands, checked as a save
 * would check it but kept nowhere, answered as the messages of each input ({@code t:FILE:ROW:COLUMN})
 * and each row, so the page's script puts them under the cells without a reload.
 */
@RestController
class EditorProblemsController {

    /** Messages by input name, by row ({@code FILE:ROW}), and the total of the book's problems. */
    record Problems(Map<String, List<String>> cells, Map<String, List<String>> rows, int total) {}

    private final RuleEditor editor;

    EditorProblemsController(RuleEditor editor) {
        this.editor = editor;
    }

    @PostMapping(value = "/rules/editor/problems", produces = MediaType.APPLICATION_JSON_VALUE)
    Problems problems(@RequestParam MultiValueMap<String, String> form, Principal who, Locale locale) {
        RuleEditor.Editing preview;
        List<RuleProblem> problems;
        try {
            preview = editor.preview(who.getName(), EditorForm.rows(form));
            problems = RuleEditor.problems(preview.source());
        } catch (RulebookInvalidException e) {
            preview = editor.open(who.getName()); // a table over its row limit: said at the table, not at a cell
            problems = e.problems();
        }
        FieldProblems placed = FieldProblems.place(problems, preview.byFile(), locale);
        Map<String, List<String>> cells = new LinkedHashMap<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        preview.byFile().forEach((file, table) -> collect(file, table, placed, cells, rows));
        return new Problems(cells, rows, placed.total());
    }

    private static void collect(String file, EditableTable table, FieldProblems placed, Map<String, List<String>> cells,
                                Map<String, List<String>> rows) {
        if (!table.formEditable()) {
            return;
        }
        for (int i = 0; i < table.rows().size(); i++) {
            for (BookColumn column : table.table().columns()) {
                List<String> messages = placed.cell(file, i, column.code());
                if (!messages.isEmpty()) {
                    cells.put("t:" + file + ":" + i + ":" + column.code(), new ArrayList<>(messages));
                }
            }
            if (!placed.row(file, i).isEmpty()) {
                rows.put(file + ":" + i, new ArrayList<>(placed.row(file, i)));
            }
        }
    }
}
