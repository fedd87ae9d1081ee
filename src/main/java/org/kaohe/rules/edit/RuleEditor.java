package org.kaohe.rules.edit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kaohe.errors.Message;
import org.kaohe.rules.CompiledRulebook;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.ScenarioCases;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.rules.book.BookTable;
import org.springframework.stereotype.Service;

/**
 * A leader's draft as the page edits it. The draft is a whole book kept on the server for its
 * author ({@link RulebookService#keepDraft}); the form's rows are written back as each table's CSV
 * so the draft is checked exactly as an uploaded table would be, and a table whose cells did not
 * change keeps its text byte for byte (its version and its diff stay clean).
 */
@Service
public class RuleEditor {

    /** What the editor shows: the author's open draft, or the book a new draft starts from, table by table. */
    public record Editing(RulebookRepository.Draft draft, RulebookSource source, Map<BookTable, EditableTable> tables,
                          String publishedVersion) {

        public boolean hasDraft() {
            return draft != null;
        }

        public EditableTable table(BookTable table) {
            return tables.get(table);
        }

        /** The tables by file name, as problems name them. */
        public Map<String, EditableTable> byFile() {
            Map<String, EditableTable> byFile = new LinkedHashMap<>();
            tables.forEach((table, editable) -> byFile.put(table.fileName(), editable));
            return byFile;
        }

        /** True when another version was published after the draft was started from an older one. */
        public boolean basedOnOlder() {
            return draft != null && publishedVersion != null && !publishedVersion.equals(draft.baseVersion());
        }

        /** The version the draft's content would have when published. */
        public String version() {
            return source.version();
        }
    }

    /** The draft after a save: its number, what the editor now shows, and the problems of its tables. */
    public record Saved(long draftId, Editing editing, List<RuleProblem> problems) {}

    private final RulebookService rulebooks;
    private final RulebookDrafts drafts;

    RuleEditor(RulebookService rulebooks, RulebookDrafts drafts) {
        this.rulebooks = rulebooks;
        this.drafts = drafts;
    }

    /** The author's open draft, or the published book (the default one before any publication). */
    public Editing open(String author) throws RulebookInvalidException {
        Optional<RulebookRepository.Draft> draft = drafts.openDraft(author);
        RulebookSource source = draft.isPresent() ? drafts.draftSource(draft.get().id())
                : drafts.publishedOrDefaultSource();
        return editing(draft.orElse(null), source);
    }

    /**
     * Saves the form's rows (table → rows of cells by column code) into the author's draft: each
     * table whose cells changed is written anew, the others keep their text; the tables the form
     * did not send (shown as text only) are kept too. Returns the draft and its tables' problems.
     */
    public Saved saveForm(String author, Map<BookTable, List<Map<String, String>>> rows) throws RulebookInvalidException {
        Editing before = open(author);
        List<String> changed = new ArrayList<>();
        RulebookSource source = applied(before, rows, changed);
        if (changed.isEmpty() && before.hasDraft()) {
            return new Saved(before.draft().id(), before, problems(before.source()));
        }
        return keep(author, source, changed.isEmpty() ? "表单(未改动)/ form, unchanged"
                : "表单 form: " + String.join(", ", changed));
    }

    /**
     * The form's rows applied to the author's draft (or the book a new draft starts from) as
     * {@link #saveForm} would, keeping nothing: what the editor checks while the leader types.
     */
    public Editing preview(String author, Map<BookTable, List<Map<String, String>>> rows) throws RulebookInvalidException {
        Editing before = open(author);
        return editing(before.draft(), applied(before, rows, new ArrayList<>()));
    }

    /** The book with each table whose cells the form changed written anew; refused when a table is over its row limit. */
    private static RulebookSource applied(Editing before, Map<BookTable, List<Map<String, String>>> rows, List<String> changed)
            throws RulebookInvalidException {
        TreeMap<String, String> files = new TreeMap<>(before.source().files());
        List<RuleProblem> refused = new ArrayList<>();
        rows.forEach((table, tableRows) -> {
            int max = BookLimits.maxRows(table);
            if (tableRows.size() > max) {
                refused.add(new RuleProblem(table.fileName(), 0, Message.of("rules.limit.tableRows", Integer.toString(max))));
                return;
            }
            EditableTable shown = before.table(table);
            if (shown.formEditable() && shown.sameCells(tableRows)) {
                return;
            }
            files.put(table.fileName(), EditableTable.csv(table, tableRows));
            changed.add(table.fileName());
        });
        if (!refused.isEmpty()) {
            throw new RulebookInvalidException(refused);
        }
        return new RulebookSource(files);
    }

    /** Saves one table's text as typed in the advanced view. */
    public Saved saveText(String author, BookTable table, String text) throws RulebookInvalidException {
        TreeMap<String, String> files = new TreeMap<>(open(author).source().files());
        files.put(table.fileName(), text == null ? "" : text);
        return keep(author, new RulebookSource(files), "文本 text: " + table.fileName());
    }

    /**
     * Applies uploaded files (some tables, all of them, and maybe scenario cases) to the author's
     * draft, or to the published book when there is none: uploaded tables replace theirs, and
     * uploaded cases replace every case. A file a rulebook cannot hold refuses the upload whole.
     */
    public Saved upload(String author, RulebookSource upload) throws RulebookInvalidException {
        List<RuleProblem> misfits = new ArrayList<>(RulebookCompiler.fileProblems(upload));
        misfits.addAll(RulebookCompiler.limitProblems(upload));
        if (upload.files().isEmpty()) {
            misfits = List.of(new RuleProblem("", 0, Message.of("rules.editor.emptyUpload")));
        }
        if (!misfits.isEmpty()) {
            throw new RulebookInvalidException(misfits);
        }
        TreeMap<String, String> files = new TreeMap<>(open(author).source().files());
        if (!upload.testFiles().isEmpty()) {
            files.keySet().removeIf(name -> name.startsWith(RulebookSource.TESTS));
        }
        files.putAll(upload.files());
        return keep(author, new RulebookSource(files), "上传 upload: " + String.join(", ", upload.tables().keySet())
                + (upload.testFiles().isEmpty() ? "" : " + tests/"));
    }

    /**
     * What accepting the draft's results would change in each of its failing scenario cases, not
     * kept: the page shows it for the leader to confirm ({@link #acceptFailingCases}), naming the
     * draft's version ({@link Editing#version()}) it was made from.
     */
    public ScenarioCases.Accepted reviewFailingCases(String author) throws RulebookInvalidException {
        CompiledRulebook draft = rulebooks.compileDraft(open(author).source());
        List<String> failing = ScenarioCases.run(draft, draft.source()).stream().filter(c -> !c.passed())
                .map(ScenarioCases.CaseResult::name).toList();
        return ScenarioCases.accept(draft, draft.source(), failing);
    }

    /**
     * Rewrites every failing scenario case of the author's draft to the draft's own results, as the
     * leader reviewed them, and returns what was written: refused when the draft is no longer the one
     * reviewed ({@code reviewed}, the draft's version then), so what is written is what was shown.
     */
    public ScenarioCases.Accepted acceptFailingCases(String author, String reviewed) throws RulebookInvalidException {
        RulebookSource before = open(author).source();
        if (!before.version().equals(reviewed)) {
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, Message.of("rules.case.draftChanged"))));

        }
        ScenarioCases.Accepted accepted = reviewFailingCases(author);
        keep(author, accepted.source(), "用例按草稿结果更新 cases accepted: " + String.join(", ",
                accepted.diffs().stream().map(d -> d.caseName()).toList()));
        return accepted;
    }

    /** Removes one scenario case from the author's draft (a case that no longer fits the scheme). */
    public Saved dropCase(String author, String caseName) throws RulebookInvalidException {
        TreeMap<String, String> files = new TreeMap<>(open(author).source().files());
        String folder = RulebookSource.TESTS + caseName + "/";
        if (!files.keySet().removeIf(name -> name.startsWith(folder))) {
            throw new RulebookInvalidException(List.of(new RuleProblem(folder, 0, Message.of("rules.case.unknown"))));
        }
        return keep(author, new RulebookSource(files), "删除用例 case removed: " + caseName);
    }

    /** Discards the author's open draft, if any. */
    public void discard(String author) {
        drafts.openDraft(author).ifPresent(d -> drafts.discardDraft(d.id(), author));
    }

    /** The problems of a book's tables (every cell, then the book for meaning); fast, no data involved. */
    public static List<RuleProblem> problems(RulebookSource source) {
        try {
            RulebookCompiler.compile(source);
            return List.of();
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
    }

    /**
     * Keeps the book as the author's draft, unless it passes the book's limits ({@link BookLimits}):
     * a draft the editor could not show or check in bounded time is refused whole, never stored.
     */
    private Saved keep(String author, RulebookSource whole, String what) throws RulebookInvalidException {
        List<RuleProblem> tooLarge = RulebookCompiler.limitProblems(whole);
        if (!tooLarge.isEmpty()) {
            throw new RulebookInvalidException(tooLarge);
        }
        long id = drafts.keepDraft(whole, author, what);
        RulebookRepository.Draft draft = drafts.draft(id).orElseThrow();
        return new Saved(id, editing(draft, whole), problems(whole));
    }

    private Editing editing(RulebookRepository.Draft draft, RulebookSource source) {
        Map<BookTable, EditableTable> tables = new EnumMap<>(BookTable.class);
        for (BookTable table : BookTable.values()) {
            tables.put(table, EditableTable.read(table, source.files().get(table.fileName())));
        }
        String published = rulebooks.current().map(CompiledRulebook::version).orElse(null);
        return new Editing(draft, source, tables, published);
    }
}
