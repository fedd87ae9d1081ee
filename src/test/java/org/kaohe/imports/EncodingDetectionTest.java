package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** UTF-8 with or without BOM and GBK/GB18030 (Excel and WPS on Chinese Windows) read alike, unasked. */
class EncodingDetectionTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static PeriodFiles chineseEverywhere() {
        // Chinese headers, codes and names: the bytes differ most between the encodings.
        return PeriodFiles.valid()
                .rows("departments.csv", "部门编号,部门名称,类型", "D1,市总工会,工会", "D2,团市委,共青团")
                .row("cadres.csv", "C3,欧阳娜娜,D2,组织委员,1996-11-02");
    }

    @Test
    void gbkAndBomFilesImportExactlyLikeUtf8() {
        ParsedImport utf8 = ImportParser.parse(chineseEverywhere().bytes(), PeriodFiles.PERIOD);
        ParsedImport gbk = ImportParser.parse(chineseEverywhere().bytes(GBK), PeriodFiles.PERIOD);
        ParsedImport bom = ImportParser.parse(chineseEverywhere().bytesWithBom(), PeriodFiles.PERIOD);

        for (ParsedImport other : new ParsedImport[] {gbk, bom}) {
            assertThat(other.problems()).isEmpty();
            assertThat(other.departments()).isEqualTo(utf8.departments());
            assertThat(other.cadres()).isEqualTo(utf8.cadres());
            assertThat(other.targets()).isEqualTo(utf8.targets());
            assertThat(other.appraisals()).isEqualTo(utf8.appraisals());
            assertThat(other.events()).isEqualTo(utf8.events());
            assertThat(other.organizations()).isEqualTo(utf8.organizations());
            assertThat(other.contents()).isEqualTo(utf8.contents());
        }
        assertThat(utf8.departments().get(0).name()).isEqualTo("市总工会");
    }

    @Test
    void theEncodingFoundIsRecordedPerFile() {
        Map<String, byte[]> files = chineseEverywhere().bytes();
        files.put("departments.csv", chineseEverywhere().bytesWithBom().get("departments.csv"));
        files.put("cadres.csv", chineseEverywhere().bytes(GBK).get("cadres.csv"));

        ParsedImport parsed = ImportParser.parse(files, PeriodFiles.PERIOD);

        assertThat(parsed.files()).extracting(ImportReport.FileReport::encoding)
                .startsWith("UTF-8-BOM", "GB18030", "UTF-8");
    }

    @Test
    void charactersOutsideGbkInGb18030AreRead() {
        PeriodFiles files = PeriodFiles.valid().row("cadres.csv", "C3,𠮷野,D1,干事,1990-01-01");

        ParsedImport parsed = ImportParser.parse(files.bytes(GB18030), PeriodFiles.PERIOD);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.cadres().get(2).name()).isEqualTo("𠮷野");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreReportedWithTheirLine() {
        Map<String, byte[]> files = PeriodFiles.valid().bytes();
        byte[] broken = "dept_id,name,type\nD1,x,OTHER\nD2,\u0081\u0030,OTHER\n".getBytes(StandardCharsets.ISO_8859_1);
        files.put("departments.csv", broken);

        ParsedImport parsed = ImportParser.parse(files, PeriodFiles.PERIOD);

        assertThat(parsed.problems()).extracting(PeriodFiles::keyed).containsExactly("departments.csv:3: import.text.encoding[]");
    }

    @Test
    void utf16AndExcelWorkbooksAreRefusedWithAdvice() {
        Map<String, byte[]> files = PeriodFiles.valid().bytes();
        byte[] utf16 = "\uFEFFdept_id,name,type\n".getBytes(StandardCharsets.UTF_16LE);
        files.put("departments.csv", utf16);
        files.put("cadres.csv", new byte[] {'P', 'K', 3, 4, 0, 0});

        ParsedImport parsed = ImportParser.parse(files, PeriodFiles.PERIOD);

        assertThat(parsed.problems()).extracting(PeriodFiles::keyed).containsExactly(
                "departments.csv:0: import.text.utf16[]", "cadres.csv:0: import.text.workbook[]");
    }

    @Test
    void aNulCharacterIsRefusedWithItsLine() {
        // PostgreSQL cannot store NUL in a text column; H2 could, so only this check keeps the two alike.
        PeriodFiles files = PeriodFiles.valid().row("events.csv", "E9,2026-Q3,CADRE,C1,BLAME,,1,2026-08-01,damaged\u0000note");

        assertThat(files.errors()).containsExactly("events.csv:" + files.content("events.csv").split("\n").length
                + ": import.text.nul[]");
    }
}
