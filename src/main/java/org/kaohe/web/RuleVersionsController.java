package org.kaohe.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.SettingName;
import org.kaohe.rules.book.TableText;
import org.kaohe.rules.edit.BookDiff;
import org.kaohe.rules.edit.EditableTable;
import org.kaohe.rules.edit.RulebookZip;
import org.kaohe.security.UserAccountService;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The rulebook's history as people read it: a version's tables as tables, each row anchored
 * ({@code #row-3}) so an explanation line can link to the rule it cites; the readable difference of
 * two versions (or of a version and a draft), table by table and row by row; versions and drafts
 * as zips. The rows a rollback carried over for the imported data are marked as such (沿用).
 */
@Controller
class RuleVersionsController {

    /** A read-only cell: the text shown (a code by its Chinese name) and the value as written. */
    record ShownCell(String text, String written) {}

    record ShownRow(int line, List<ShownCell> cells) {}

    /** A table of a version as rows; {@code text} for a file that is not a readable table. */
    record ShownTable(String file, String title, List<String> headers, List<ShownRow> rows, String text) {
        public boolean readable() {
            return rows != null;
        }
    }

    private final RulebookService rulebooks;
    private final RulebookDrafts drafts;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final UserAccountService accounts;

    RuleVersionsController(RulebookService rulebooks, RulebookDrafts drafts, AuditLog auditLog, MessageSource messages,
                           UserAccountService accounts) {
        this.rulebooks = rulebooks;
        this.drafts = drafts;
        this.auditLog = auditLog;
        this.messages = messages;
        this.accounts = accounts;
    }

    @GetMapping("/rules/versions/{version}")
    String version(@PathVariable String version, @RequestParam(required = false) String file, Model model,
                   Locale locale) {
        Map<String, String> files = rulebooks.files(version);
        if (files.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<String> names = ordered(files);
        String shown = file != null && files.containsKey(file) ? file : names.get(0);
        List<RulebookRepository.Publication> publications = rulebooks.publications();
        Optional<RulebookRepository.Publication> publication = publications.stream()
                .filter(p -> p.version().equals(version)).findFirst();
        model.addAttribute("version", version);
        model.addAttribute("publication", publication.orElse(null));
        model.addAttribute("current", !publications.isEmpty() && publications.get(0).version().equals(version));
        model.addAttribute("previousVersion", previous(publications, version));
        model.addAttribute("fileNames", names);
        model.addAttribute("fileName", shown);
        model.addAttribute("table", shownTable(shown, files, locale));
        model.addAttribute("content", files.get(shown));
        model.addAttribute("rollbackOf", publications.stream().filter(p -> p.version().equals(version) && p.carriedOver())
                .map(RulebookRepository.Publication::rollbackOf).findFirst().orElse(null));
        model.addAttribute("carried", rulebooks.carriedRows(version));
        model.addAttribute("people", accounts.displayNames());
        return "rules-version";
    }

    /**
     * Two books side by side, table by table: a version ({@code sha256:…} or its first digits as
     * shown) or a draft ({@code draft:N}).
     */
    @GetMapping("/rules/diff")
    String diff(@RequestParam String from, @RequestParam String to, Model model) {
        Map<String, String> older = book(from);
        Map<String, String> newer = book(to);
        if (older.isEmpty() || newer.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("fromPublication", publication(from));
        model.addAttribute("toPublication", publication(to));
        model.addAttribute("diff", BookDiff.of(older, newer));
        model.addAttribute("olderNames", CodeNames.of(older));
        model.addAttribute("newerNames", CodeNames.of(newer));
        model.addAttribute("people", accounts.displayNames());
        model.addAttribute("carried", to.startsWith("draft:") ? java.util.Set.of() : rulebooks.carriedRows(fullVersion(to)));
        return "rules-diff";
    }

    /** A stored version as a zip: its tables (each with a byte-order mark for Excel) and its tests/ cases. */
    @GetMapping("/rules/versions/{version}/download.zip")
    ResponseEntity<byte[]> downloadVersion(@PathVariable String version, Principal who) {
        Map<String, String> files = rulebooks.files(version);
        if (files.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        String name = "kaohe-rules-" + RulebookSource.shortVersion(version) + ".zip";
        auditLog.record(who.getName(), "RULES_DOWNLOAD", Map.of("version", version, "file", name));
        return zip(name, RulebookZip.zip(RulebookSource.of(files)));
    }

    /** A draft waiting for publication, as a zip. */
    @GetMapping("/rules/drafts/{id}/download.zip")
    ResponseEntity<byte[]> downloadDraft(@PathVariable long id, Principal who) {
        drafts.draft(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        RulebookSource source = drafts.draftSource(id);
        String name = "kaohe-rules-draft-" + id + ".zip";
        auditLog.record(who.getName(), "RULES_DOWNLOAD", Map.of("version", source.version(), "file", name));
        return zip(name, RulebookZip.zip(source));
    }

    /** A zip of files, as a download. */
    static ResponseEntity<byte[]> zip(String fileName, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }

    private Map<String, String> book(String id) {
        if (id.startsWith("draft:")) {
            try {
                long draft = Long.parseLong(id.substring("draft:".length()));
                return drafts.draft(draft).isPresent() ? drafts.draftSource(draft).files() : Map.of();
            } catch (NumberFormatException e) {
                return Map.of();
            }
        }
        return rulebooks.files(fullVersion(id));
    }

    /** A version written in full, or by the first digits the pages show. */
    private String fullVersion(String id) {
        String digits = id.startsWith("sha256:") ? id.substring(7) : id;
        return rulebooks.publications().stream().map(RulebookRepository.Publication::version)
                .filter(v -> v.equals(id) || digits.length() >= 8 && v.startsWith("sha256:" + digits))
                .findFirst().orElse(id);
    }

    private RulebookRepository.Publication publication(String id) {
        String version = fullVersion(id);
        return rulebooks.publications().stream().filter(p -> p.version().equals(version)).findFirst().orElse(null);
    }

    /** The version published just before the latest publication of {@code version}, if any. */
    private static String previous(List<RulebookRepository.Publication> publications, String version) {
        for (int i = 0; i < publications.size(); i++) {
            if (publications.get(i).version().equals(version)) {
                return i + 1 < publications.size() ? publications.get(i + 1).version() : null;
            }
        }
        return null;
    }

    /** The tables in the book's order, then the other files (scenario cases, old rule files) by name. */
    private static List<String> ordered(Map<String, String> files) {
        List<String> names = new ArrayList<>();
        for (BookTable table : BookTable.values()) {
            if (files.containsKey(table.fileName())) {
                names.add(table.fileName());
            }
        }
        files.keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
        return names;
    }

    private ShownTable shownTable(String file, Map<String, String> files, Locale locale) {
        String content = files.get(file);
        Optional<BookTable> table = BookTable.byFileName(file).filter(t -> t.fileName().equals(file));
        if (table.isEmpty()) {
            return new ShownTable(file, file, List.of(), null, content);
        }
        EditableTable editable = EditableTable.read(table.get(), content);
        if (!editable.formEditable()) {
            return new ShownTable(file, table.get().title(locale), List.of(), null, content);
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        List<String> headers = table.get().columns().stream().map(c -> chinese ? c.chinese() : c.code()).toList();
        List<BookColumn> specs = table.get().columns();
        CodeNames names = CodeNames.of(files);
        List<ShownRow> rows = new ArrayList<>();
        for (TableText.Row row : editable.rows()) {
            List<ShownCell> cells = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                BookColumn column = table.get().columns().get(i);
                String value = row.cell(column.code());
                cells.add(new ShownCell(readable(specs.get(i), value, names.name(table.get(), column.code(), value), locale),
                        value));
            }
            rows.add(new ShownRow(row.line(), cells));
        }
        return new ShownTable(file, table.get().title(locale), headers, rows, content);
    }

    /** A cell as people read it: a code by its name ({@link CodeNames}), a setting by its meaning. */
    private String readable(BookColumn spec, String value, String name, Locale locale) {
        if (!name.isEmpty()) {
            return name;
        }
        if (spec.choices() == SettingName.class && !value.isEmpty()) {
            return SettingName.of(value).map(s -> messages.getMessage("setting." + s.name(), null, s.meaning(), locale))
                    .orElse(value);
        }
        return value;
    }
}
