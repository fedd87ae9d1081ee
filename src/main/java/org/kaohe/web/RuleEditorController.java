package org.kaohe.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.RefusedException;
import org.kaohe.imports.ImportRepository;
import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.RulebookValidation;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.edit.FieldProblems;
import org.kaohe.rules.edit.RuleEditor;
import org.kaohe.rules.edit.RulebookZip;
import org.kaohe.uploads.DraftChecks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leader's rule editor (LEADER): the draft's tables as a form in Chinese, saved on the server
 * as the leader's draft, checked at every save (problems at their field), validated in full,
 * simulated, published with a reason or discarded; each table's text in an advanced view; the
 * draft uploaded from files or downloaded as a zip.
 */
@Controller
class RuleEditorController implements RefusalPage {

    /** The reason field's length (maxlength in the form; the rulebook refuses a longer reason). */
    private static final int REASON_FIELD = 500;

    private final RuleEditor editor;
    private final RulebookService rulebooks;
    private final RulebookValidation validation;
    private final EditorPage page;
    private final ImportRepository imports;
    private final AuditLog auditLog;

    RuleEditorController(RuleEditor editor, RulebookService rulebooks, RulebookValidation validation, EditorPage page, ImportRepository imports,
                         AuditLog auditLog) {
        this.editor = editor;
        this.rulebooks = rulebooks;
        this.validation = validation;
        this.page = page;
        this.imports = imports;
        this.auditLog = auditLog;
    }

    @GetMapping("/rules/editor")
    String open(Principal who, Model model, Locale locale) {
        RuleEditor.Editing editing = editor.open(who.getName());
        List<RuleProblem> problems = editing.hasDraft() ? RuleEditor.problems(editing.source()) : List.of();
        return show(editing, FieldProblems.place(problems, editing.byFile(), locale), model, locale);
    }

    /**
     * The leader's draft validated in full (every table, the scenario cases, a trial on each imported
     * period): where the editor goes after "validate", or after a scenario case was accepted or
     * removed. A check of what is stored, so a reload checks again; its audit line records who looked.
     */
    @GetMapping("/rules/editor/check")
    String check(Principal who, Model model, Locale locale) {
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            return open(who, model, locale); // nothing of the leader's own to check: the editor as it opens
        }
        return validate(editing, who, model, locale);
    }

    /**
     * The form: saved as the draft, then checked, validated in full, simulated or published as the
     * button says. Every saved draft is then shown by a GET (Post/Redirect/Get: a reload saves nothing
     * twice), with what the flash attributes say: small values only, since Spring Session keeps them
     * in the database.
     */
    @PostMapping("/rules/editor")
    @ShowsRefusal
    String save(@RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "save") String action,
                @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String period,
                Principal who, Model model, Locale locale, RedirectAttributes redirect) {
        // Refused (a table over its row limit), nothing saved: the form again, problems at their tables.
        RuleEditor.Saved saved = editor.saveForm(who.getName(), EditorForm.rows(form));
        return switch (action) {
            case "validate" -> {
                redirect.addFlashAttribute("reason", typedReason(reason));
                yield "redirect:/rules/editor/check";
            }
            case "simulate" -> {
                redirect.addAttribute("period", period);
                yield "redirect:/rules/whatif";
            }
            case "publish" -> publish(saved, reason, who, model, locale, redirect);
            default -> {
                redirect.addFlashAttribute("savedDraft", saved.draftId());
                redirect.addFlashAttribute("reason", typedReason(reason));
                yield "redirect:/rules/editor";
            }
        };
    }

    /** The advanced view: one table's text as typed, saved as it is (its problems are shown at its fields). */
    @PostMapping("/rules/editor/text")
    @ShowsRefusal
    String saveText(@RequestParam String file, @RequestParam(defaultValue = "") String text, Principal who,
                    RedirectAttributes redirect) {
        BookTable table = BookTable.byFileName(file).orElseThrow(() ->
                new InvalidInputException(Message.of("input.rules.notATable", org.kaohe.errors.Echo.of(file))));
        RuleEditor.Saved saved = editor.saveText(who.getName(), table, text);
        redirect.addFlashAttribute("savedDraft", saved.draftId());
        redirect.addFlashAttribute("openText", table.fileName());
        return "redirect:/rules/editor";
    }

    /** Tables or one zip (with its scenario cases) applied to the leader's draft. */
    @PostMapping("/rules/editor/upload")
    @ShowsRefusal(flag = "uploadRefused") // refused whole (a file a rulebook cannot hold): nothing saved
    String upload(@RequestParam("files") List<MultipartFile> files, Principal who, RedirectAttributes redirect)
            throws IOException {
        RuleEditor.Saved saved = editor.upload(who.getName(), DraftChecks.read(files));
        redirect.addFlashAttribute("uploaded", saved.draftId());
        return "redirect:/rules/editor";
    }

    /** A scenario case removed from the draft, then the draft validated again. */
    @PostMapping("/rules/editor/cases/drop")
    @ShowsRefusal
    String dropCase(@RequestParam("case") String caseName, Principal who, RedirectAttributes redirect) {
        editor.dropCase(who.getName(), caseName);
        return caseChanged("editor.caseDropped", caseName, redirect);
    }

    /** The reason typed so far, kept in the form across the redirect: at most what the field holds. */
    private static String typedReason(String reason) {
        return reason.length() <= REASON_FIELD ? reason : reason.substring(0, REASON_FIELD);
    }

    private static String caseChanged(String notice, String caseName, RedirectAttributes redirect) {
        redirect.addFlashAttribute("caseNotice", notice);
        redirect.addFlashAttribute("caseName", caseName);
        return "redirect:/rules/editor/check";
    }

    /**
     * A change the draft refused: the editor with the problems at their fields, nothing saved. A
     * publication refused (the form's "publish", its draft saved) keeps the reason typed and, when
     * its scenario cases refused it, shows them, each with "accept the draft's results" and "remove".
     */
    @Override
    public String showRefused(RefusedException refused, HttpServletRequest request, Model model) {
        String who = request.getUserPrincipal().getName();
        RuleEditor.Editing editing = editor.open(who);
        List<RuleProblem> problems = RefusalPage.ruleProblems(refused);
        if ("publish".equals(request.getParameter("action"))) {
            model.addAttribute("reason", request.getParameter("reason"));
            model.addAttribute("publishRefused", true);
            if (problems.stream().anyMatch(p -> p.file().startsWith(RulebookSource.TESTS))) {
                model.addAttribute("check", rulebooks.check(editing.source(), who));
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        return show(editing, FieldProblems.place(problems, editing.byFile(), locale), model, locale);
    }

    @PostMapping("/rules/editor/discard")
    String discard(Principal who) {
        editor.discard(who.getName());
        return "redirect:/rules";
    }

    /** The leader's draft (or, without one, the published book) as a zip: tables and tests/. */
    @GetMapping("/rules/editor/download.zip")
    ResponseEntity<byte[]> download(Principal who) {
        RuleEditor.Editing editing = editor.open(who.getName());
        String name = editing.hasDraft() ? "kaohe-rules-draft-" + editing.draft().id() + ".zip"
                : "kaohe-rules-" + org.kaohe.rules.RulebookSource.shortVersion(editing.version()) + ".zip";
        auditLog.record(who.getName(), "RULES_DOWNLOAD", Map.of("version", editing.version(), "file", name));
        return RuleVersionsController.zip(name, RulebookZip.zip(editing.source()));
    }

    private String validate(RuleEditor.Editing editing, Principal who, Model model, Locale locale) {
        DraftCheck check = validation.validate(editing.source(), who.getName(),
                RulebookValidation.keptDraft(editing.draft().id()));
        model.addAttribute("check", check);
        return show(editing, FieldProblems.place(check.problems(), editing.byFile(), locale), model, locale);
    }

    private String publish(RuleEditor.Saved saved, String reason, Principal who, Model model, Locale locale,
                           RedirectAttributes redirect) {
        if (!saved.problems().isEmpty()) {
            // The tables are wrong: nothing to try until they are right. The draft is saved, the
            // publication refused: the editor with the problems at their fields, as for a refused form.
            model.addAttribute("reason", reason);
            return show(saved.editing(), FieldProblems.place(saved.problems(), saved.editing().byFile(), locale), model,
                    locale);
        }
        RulebookService.Published published = rulebooks.publishDraft(saved.draftId(), who.getName(), reason);
        redirect.addFlashAttribute("published", PublishedNotice.of(published));
        return "redirect:/rules";
    }

    private String show(RuleEditor.Editing editing, FieldProblems problems, Model model, Locale locale) {
        model.addAttribute("editing", editing);
        model.addAttribute("tables", page.tables(editing, problems, locale));
        model.addAttribute("problems", problems);
        model.addAttribute("importedPeriods", imports.periods().stream().sorted(Comparator.reverseOrder()).toList());
        return "rules-editor";
    }
}
