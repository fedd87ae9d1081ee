package org.kaohe.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;

/**
 * Test-data builder for one period's files: starts from a small valid quarter (2026-Q3, two
 * departments, two cadres, one record of each other kind) that each test bends into the one
 * fault it is about. Rows are written as CSV text; line 1 is the header, so the first data row is
 * line 2.
 */
final class PeriodFiles {

    static final Period PERIOD = Period.parse("2026-Q3");

    private final Map<String, String> files = new LinkedHashMap<>();

    private PeriodFiles() {}

    static PeriodFiles valid() {
        PeriodFiles f = new PeriodFiles();
        f.files.put("departments.csv", """
                dept_id,name,type
                D1,市总工会,TRADE_UNION
                D2,团市委,YOUTH_LEAGUE
                """);
        f.files.put("cadres.csv", """
                cadre_id,name,dept_id,position,birth_date
                C1,张伟,D1,科长,1980-05-01
                C2,李娜,D2,副书记,1990-03-15
                """);
        f.files.put("targets.csv", """
                target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work
                T1,2026-Q3,CADRE,C1,QUALITY,职工技能培训,10,10,2,2026-09-30,2026-09-20,Y
                T2,2026-Q3,DEPARTMENT,D1,RIGHTS,农民工工资维权,4,2.5,1,2026-08-31,,N
                """);
        f.files.put("appraisals.csv", """
                period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score
                2026-Q3,C1,6,3,1,0,90
                """);
        f.files.put("events.csv", """
                event_id,period,subject_type,subject_id,kind,level,count,date,note
                E1,2026-Q3,CADRE,C1,AWARD,PROVINCIAL,1,2026-07-15,省级表彰
                E2,2026-Q3,DEPARTMENT,D1,JOINT_PROJECT,LEAD,,2026-08-01,
                """);
        f.files.put("organizations.csv", """
                org_id,dept_id,area,secretary_age,members,activities
                O1,D2,TOWNSHIP,29,35,4
                """);
        return f;
    }

    /**
     * The same quarter moved to Q3 of another year (periods and dates of the period, not birth
     * dates), so tests sharing one database each have a period of their own.
     */
    PeriodFiles inYear(int year) {
        files.replaceAll((name, content) -> content.replace("2026-Q3", year + "-Q3").replace("2026-0", year + "-0"));
        return this;
    }

    static Period q3(int year) {
        return new Period(year, 3);
    }

    /** Replaces a whole file. */
    PeriodFiles with(String file, String content) {
        files.put(file, content);
        return this;
    }

    /** Appends data rows to a file. */
    PeriodFiles row(String file, String... rows) {
        StringBuilder content = new StringBuilder(files.get(file));
        for (String row : rows) {
            content.append(row).append('\n');
        }
        files.put(file, content.toString());
        return this;
    }

    /** Replaces the header and rows of a file. */
    PeriodFiles rows(String file, String header, String... rows) {
        files.put(file, header + "\n" + String.join("\n", rows) + (rows.length > 0 ? "\n" : ""));
        return this;
    }

    PeriodFiles without(String file) {
        files.remove(file);
        return this;
    }

    String content(String file) {
        return files.get(file);
    }

    Map<String, byte[]> bytes() {
        return bytes(StandardCharsets.UTF_8);
    }

    Map<String, byte[]> bytes(Charset charset) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        files.forEach((name, content) -> result.put(name, content.getBytes(charset)));
        return result;
    }

    /** Every file as UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" saves it. */
    Map<String, byte[]> bytesWithBom() {
        Map<String, byte[]> result = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            byte[] text = content.getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[text.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withBom, 3, text.length);
            result.put(name, withBom);
        });
        return result;
    }

    /** The files as text, by name. */
    Map<String, String> texts() {
        return new LinkedHashMap<>(files);
    }

    Path writeTo(Path folder) {
        return writeTo(folder, StandardCharsets.UTF_8);
    }

    Path writeTo(Path folder, Charset charset) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : bytes(charset).entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParsedImport parse() {
        return ImportParser.parse(bytes(), PERIOD);
    }

    /** Every problem, keyed: {@code file:line: column: key[arguments]} (see {@link #keyed}). */
    List<String> problems() {
        return parse().problems().stream().map(PeriodFiles::keyed).toList();
    }

    List<String> errors() {
        return parse().problems().stream().filter(ImportProblem::isError).map(PeriodFiles::keyed).toList();
    }

    List<String> warnings() {
        return parse().problems().stream().filter(p -> !p.isError()).map(PeriodFiles::keyed).toList();
    }

    /**
     * A problem where it is, with its message's key and arguments rather than its wording (tests
     * assert keys; the wording is the bundle's): {@code file:line: column: key[arguments]}.
     */
    static String keyed(ImportProblem p) {
        String where = p.file() + ":" + p.line() + ": " + (p.column() == null ? "" : p.column() + ": ");
        return where + (p.typed() == null ? p.message() : p.typed().key() + p.typed().args());
    }
}
