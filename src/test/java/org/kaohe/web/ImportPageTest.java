package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Upload of a period's files on the import page and the API: stored when valid, else every problem and nothing stored. */
@KaoheTest
class ImportPageTest {

    private static final Path DEMO = Path.of("data/2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired ImportRepository imports;
    @Autowired UserAccountService accounts;

    /** A stored import redirects (a reload sends nothing again); the page it lands on tells the stored version. */
    @Test
    void hrUploadsTheDemoQuarterAndItIsStored() throws Exception {
        String html = stored(upload("/import", "2026-Q2", demoFiles(Path.of("data/2026-Q2"), null, null)));

        assertThat(html).contains("id=\"import-report\"").contains("cadres.csv").contains(org.kaohe.imports.ImportReport.Status.STORED.label());
        assertThat(imports.loadCurrent(Period.parse("2026-Q2"))).isPresent();
        int cadres = imports.list().stream().filter(v -> v.period().equals(Period.parse("2026-Q2"))).findFirst()
                .orElseThrow().files().stream().filter(f -> f.fileName().equals("cadres.csv")).findFirst().orElseThrow().rows();
        assertThat(html).containsPattern("<td class=\"mono\">cadres.csv</td><td>[^<]*</td><td class=\"num\">" + cadres + "</td>");
    }

    /**
     * Stored, but with warnings to read: the answer to the upload is the report itself, each warning
     * at its file (the warnings exist only in this report, and are no flash attribute).
     */
    @Test
    void aStoredUploadWithWarningsIsAnsweredWithThem() throws Exception {
        // A column Kaohe does not know, ignored with a warning at the header.
        List<MockMultipartFile> files = demoFiles(Path.of("data/2026-Q4"), "departments.csv", content -> content.lines()
                .map(line -> line + (line.equals(content.lines().findFirst().orElseThrow()) ? ",remark" : ",x"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));

        String html = page(upload("/import", "2026-Q4", files));

        assertThat(html).contains(org.kaohe.imports.ImportReport.Status.STORED.label())
                .contains("<h3 class=\"mono\">departments.csv</h3>").contains("warning-row").contains("remark");
        assertThat(imports.loadCurrent(Period.parse("2026-Q4"))).isPresent();
    }

    @Test
    void aBrokenUploadListsEachProblemByFileAndLineAndStoresNothing() throws Exception {
        List<MockMultipartFile> files = demoFiles(DEMO, "cadres.csv", this::breakSecondCadre);
        int versionsBefore = imports.list().size();

        String html = page(upload("/import", "2026-Q3", files));

        assertThat(html).contains(org.kaohe.imports.ImportReport.Status.REJECTED.label()).contains("cadres.csv");
        assertThat(html).containsPattern("<td class=\"num\">3</td><td class=\"mono\">birth_date</td>");
        assertThat(imports.list()).hasSize(versionsBefore);
    }

    /** On the English page each problem is worded in English: the bundle's wording of its key. */
    @Test
    void theEnglishPageWordsEachProblemInEnglish() throws Exception {
        List<MockMultipartFile> files = demoFiles(DEMO, "cadres.csv", this::breakSecondCadre);

        MockMultipartHttpServletRequestBuilder english = upload("/import", "2026-Q3", files);
        english.param("lang", "en");

        String html = page(english);

        assertThat(html).contains("<td>no such date: 1970-13-45</td>").doesNotContain("日期不存在");
    }

    @Test
    void theApiAnswers422WithTheLocatedProblems() throws Exception {
        accounts.create("test", "api-hr", EnumSet.of(Role.HR), "Api-Import-secret-1");
        List<MockMultipartFile> files = demoFiles(DEMO, "cadres.csv", this::breakSecondCadre);
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        files.forEach(request::file);

        mvc.perform(request.param("period", "2026-Q3").with(httpBasic("api-hr", "Api-Import-secret-1")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("nothing was stored")))
                .andExpect(jsonPath("$.problems[0].file").value("cadres.csv"))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("birth_date"));
    }

    /** A refused import is answered in the language the request accepts, each problem with its message's key. */
    @Test
    void theApiWordsTheProblemsInTheRequestsLanguageAndGivesTheirKeys() throws Exception {
        accounts.create("test", "api-hr-en", EnumSet.of(Role.HR), "Api-Import-secret-2");
        List<MockMultipartFile> files = demoFiles(DEMO, "cadres.csv", this::breakSecondCadre);
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        files.forEach(request::file);

        mvc.perform(request.param("period", "2026-Q3").header("Accept-Language", "en")
                        .with(httpBasic("api-hr-en", "Api-Import-secret-2")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.message").value("the import has 1 error(s): nothing was stored"))
                .andExpect(jsonPath("$.problems[0].file").value("cadres.csv"))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("birth_date"))
                .andExpect(jsonPath("$.problems[0].message").value("ERROR: no such date: 1970-13-45"))
                .andExpect(jsonPath("$.problems[0].key").value("import.cell.noSuchDate"));
    }

    @Test
    void theApiTakesOneZipOfTheQuarter() throws Exception {
        accounts.create("test", "zip-hr", EnumSet.of(Role.HR), "Zip-Import-secret-1");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (MockMultipartFile file : demoFiles(Path.of("data/2026-Q2"), null, null)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("2026-Q1/" + file.getOriginalFilename()));
                zip.write(file.getBytes().length == 0 ? new byte[0]
                        : new String(file.getBytes(), StandardCharsets.UTF_8).replace("2026-Q2", "2026-Q1")
                                .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("files", "2026-Q1.zip", "application/zip",
                        bytes.toByteArray())).param("period", "2026-Q1").with(httpBasic("zip-hr", "Zip-Import-secret-1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("STORED"))
                .andExpect(jsonPath("$.files.length()").value(6));
        assertThat(imports.loadCurrent(Period.parse("2026-Q1"))).isPresent();
    }

    @Test
    void aWorkbookUploadedWithoutAPeriodIsImportedAsThePeriodItsNameHolds() throws Exception {
        accounts.create("test", "xlsx-hr", EnumSet.of(Role.HR), "Workbook-Import-secret-1");
        byte[] workbook = org.kaohe.imports.PeriodWorkbook.of(Path.of("data/2026-Q2"));

        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("files", "青川市2026年第二季度.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
                        .with(httpBasic("xlsx-hr", "Workbook-Import-secret-1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.period.year").value(2026))
                .andExpect(jsonPath("$.period.quarter").value(2))
                .andExpect(jsonPath("$.files[0].fileName").value(org.hamcrest.Matchers.startsWith("青川市2026年第二季度.xlsx!")))
                .andExpect(jsonPath("$.files[0].encoding").value("XLSX"));
    }

    @Test
    void anUploadedFolderGivesItsPeriodAndAnUploadWithNoneSaysTheFormat() throws Exception {
        List<MockMultipartFile> inFolder = demoFiles(DEMO, null, null).stream()
                .map(f -> new MockMultipartFile("files", "2026-Q3/" + f.getOriginalFilename(), "text/csv", bytes(f)))
                .toList();
        String stored = stored(upload("/import", "", inFolder));
        assertThat(stored).contains("id=\"import-report\"").contains("2026-Q3");

        String refused = page(upload("/import", "", demoFiles(DEMO, null, null)));
        assertThat(refused).contains("id=\"upload-problem\"").contains("YYYY-Qn").doesNotContain("id=\"import-report\"");
    }

    private static byte[] bytes(MockMultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String breakSecondCadre(String content) {
        List<String> lines = content.lines().toList();
        String second = lines.get(2);
        String broken = second.substring(0, second.lastIndexOf(',') + 1) + "1970-13-45";
        return String.join("\n", lines.subList(0, 2)) + "\n" + broken + "\n"
                + String.join("\n", lines.subList(3, lines.size())) + "\n";
    }

    private MockMultipartHttpServletRequestBuilder upload(String path, String period, List<MockMultipartFile> files) {
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        files.forEach(request::file);
        request.param("period", period);
        return request;
    }

    /** The page HR lands on after an upload that was stored (or found unchanged). */
    private String stored(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return PostRedirectGet.follow(mvc, request, user("hr").roles("HR"), "/import");
    }

    /** The page answered to an upload that was refused: the form again, with the problems. */
    private String page(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("hr").roles("HR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static List<MockMultipartFile> demoFiles(Path folder, String changedFile, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().map(f -> {
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    String name = f.getFileName().toString();
                    if (name.equals(changedFile)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    return new MockMultipartFile("files", name, "text/csv", bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
