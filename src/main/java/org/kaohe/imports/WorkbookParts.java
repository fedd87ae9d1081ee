package org.kaohe.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The parts of a workbook package Kaohe reads, opened within {@link ImportLimits}: the package
 * from a file (each part unpacked only when read), after its bookkeeping parts (content types,
 * relationships) were measured; the list of sheets read with a SAX parser of Kaohe's own, so no
 * part is ever parsed whole unless it is small; the styles and shared strings each within
 * {@link ImportLimits#MAX_WORKBOOK_PART_BYTES}. The input sheets are found by name; other sheets
 * are named in a warning and never opened.
 */
final class WorkbookParts implements AutoCloseable {

    /** An input sheet found: its name, where problems point ({@code book.xlsx!targets}), its part. */
    record Sheet(String name, String source, PackagePart part) {}

    /** Stored file names and source references are at most 100 characters. */
    private static final int MAX_SOURCE_NAME = 100;
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final OPCPackage pkg;
    private final Map<InputFile, Sheet> sheets;
    private final Set<InputFile> refused;
    private final StylesTable styles;
    private final ReadOnlySharedStringsTable strings;

    private WorkbookParts(OPCPackage pkg, Map<InputFile, Sheet> sheets, Set<InputFile> refused, StylesTable styles,
                          ReadOnlySharedStringsTable strings) {
        this.pkg = pkg;
        this.sheets = sheets;
        this.refused = refused;
        this.styles = styles;
        this.strings = strings;
    }

    static WorkbookParts open(String workbookName, Path file, Problems problems)
            throws IOException, OpenXML4JException, SAXException {
        measureBookkeeping(file);
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            PackagePart workbook = workbookPart(pkg);
            Map<InputFile, Sheet> sheets = new EnumMap<>(InputFile.class);
            Set<InputFile> refused = EnumSet.noneOf(InputFile.class);
            for (String[] listed : listSheets(workbook)) {
                place(workbookName, listed[0], workbook, listed[1], sheets, refused, problems);
            }
            StylesTable styles = styles(workbook);
            ReadOnlySharedStringsTable strings = strings(workbook);
            return new WorkbookParts(pkg, sheets, refused, styles, strings);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    Sheet sheet(InputFile file) {
        return sheets.get(file);
    }

    /** True when the file's sheet was found but refused (a second sheet of the same table, a name too long). */
    boolean refused(InputFile file) {
        return refused.contains(file);
    }

    StylesTable styles() {
        return styles;
    }

    ReadOnlySharedStringsTable strings() {
        return strings;
    }

    @Override
    public void close() {
        pkg.revert(); // opened to read: nothing to save
    }

    /**
     * Parses a sheet's XML with POI's sheet handler behind a filter that refuses a cell longer than
     * {@link ImportLimits#MAX_CELL_CHARS} (Excel's own limit) before its text fills the memory.
     */
    static void parse(InputStream xml, ContentHandler handler) throws IOException, SAXException {
        XMLFilterImpl cells = new XMLFilterImpl(reader()) {
            private long text;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
                text = 0;
                super.startElement(uri, localName, qName, atts);
            }

            @Override
            public void characters(char[] ch, int start, int length) throws SAXException {
                text += length;
                if (text > ImportLimits.MAX_CELL_CHARS) {
                    throw new SAXException("单元格超过 " + ImportLimits.MAX_CELL_CHARS + " 个字符 / a cell longer than "
                            + ImportLimits.MAX_CELL_CHARS + " characters");
                }
                super.characters(ch, start, length);
            }
        };
        cells.setContentHandler(handler);
        cells.parse(new InputSource(xml));
    }

    /** The package's bookkeeping parts, which POI reads whole when it opens it: each must be small. */
    private static void measureBookkeeping(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > ImportLimits.MAX_WORKBOOK_ENTRIES) {
                throw new LimitedStream.LimitPassed("工作簿包含超过 " + ImportLimits.MAX_WORKBOOK_ENTRIES + " 个部件 / the "
                        + "workbook holds more than " + ImportLimits.MAX_WORKBOOK_ENTRIES + " parts");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals("[Content_Types].xml") || entry.getName().endsWith(".rels")) {
                    try (InputStream in = new LimitedStream(zip.getInputStream(entry),
                            ImportLimits.MAX_WORKBOOK_PART_BYTES, entry.getName())) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
        }
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws InvalidFormatException {
        List<PackagePart> documents = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (documents.isEmpty()) {
            documents = pkg.getPartsByRelationshipType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (documents.isEmpty()) {
            throw new InvalidFormatException("no workbook part");
        }
        return documents.get(0);
    }

    /** The workbook's sheets in their order: name and relationship id, read by SAX within the part limit. */
    private static List<String[]> listSheets(PackagePart workbook) throws IOException, SAXException {
        List<String[]> listed = new ArrayList<>();
        try (InputStream in = limited(workbook, "workbook.xml")) {
            XMLReader reader = reader();
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("sheet".equals(localName) && (MAIN_NS.equals(uri) || uri.contains("spreadsheetml"))) {
                        String id = atts.getValue(RELATIONSHIPS_NS, "id");
                        if (id == null) {
                            id = atts.getValue("http://purl.oclc.org/ooxml/officeDocument/relationships", "id");
                        }
                        listed.add(new String[] {String.valueOf(atts.getValue("name")), id});
                    }
                }
            });
            reader.parse(new InputSource(in));
        }
        return listed;
    }

    private static void place(String workbookName, String sheetName, PackagePart workbook, String id,
                              Map<InputFile, Sheet> sheets, Set<InputFile> refused, Problems problems)
            throws InvalidFormatException {
        InputFile file = SheetNames.fileFor(sheetName).orElse(null);
        String source = workbookName + "!" + sheetName;
        if (file == null) {
            problems.warning(workbookName, 0, null, "工作表“" + sheetName + "”不是六个输入表之一，已忽略 / sheet \""
                    + sheetName + "\" is not one of the six input tables, ignored (expected: " + SheetNames.known() + ")");
        } else if (sheets.containsKey(file) || refused.contains(file)) {
            String first = sheets.containsKey(file) ? sheets.get(file).name() : file.fileName();
            problems.error(workbookName, 0, null, "工作表“" + sheetName + "”与“" + first + "”是同一个表 / sheets \""
                    + sheetName + "\" and \"" + first + "\" are the same table (" + file.fileName() + ")");
            sheets.remove(file);
            refused.add(file);
        } else if (source.length() > MAX_SOURCE_NAME) {
            problems.error(workbookName, 0, null, "工作簿文件名过长(工作簿名与工作表名合计最多 " + MAX_SOURCE_NAME
                    + " 个字符)，请改短文件名 / the workbook's file name is too long (at most " + MAX_SOURCE_NAME
                    + " characters with the sheet name): rename the file");
            refused.add(file);
        } else {
            PackageRelationship relationship = id == null ? null : workbook.getRelationship(id);
            PackagePart part = relationship == null ? null : workbook.getRelatedPart(relationship);
            if (part == null) {
                throw new InvalidFormatException("sheet " + sheetName + " has no part");
            }
            sheets.put(file, new Sheet(sheetName, source, part));
        }
    }

    private static StylesTable styles(PackagePart workbook) throws IOException, InvalidFormatException {
        PackagePart part = related(workbook, XSSFRelation.STYLES.getRelation());
        if (part == null) {
            return new StylesTable();
        }
        try (InputStream in = limited(part, "styles.xml")) {
            return new StylesTable(in);
        }
    }

    private static ReadOnlySharedStringsTable strings(PackagePart workbook)
            throws IOException, InvalidFormatException, SAXException {
        PackagePart part = related(workbook, XSSFRelation.SHARED_STRINGS.getRelation());
        if (part == null) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        try (InputStream in = limited(part, "sharedStrings.xml")) {
            return new ReadOnlySharedStringsTable(in);
        }
    }

    private static PackagePart related(PackagePart workbook, String type) throws InvalidFormatException {
        PackageRelationshipCollection relationships = workbook.getRelationshipsByType(type);
        return relationships.isEmpty() ? null : workbook.getRelatedPart(relationships.getRelationship(0));
    }

    private static InputStream limited(PackagePart part, String what) throws IOException {
        return new LimitedStream(part.getInputStream(), ImportLimits.MAX_WORKBOOK_PART_BYTES, what);
    }

    private static XMLReader reader() throws SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is always configured", e);
        }
    }
}
