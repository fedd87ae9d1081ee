package org.kaohe.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.kaohe.errors.Message;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reading a workbook package's parts within {@link ImportLimits}: its bookkeeping measured, the
 * workbook part and its list of sheets (by SAX), each input sheet placed, the styles and shared strings.
 */
final class WorkbookPackage {

    /** Stored file names and source references are at most 100 characters. */
    static final int MAX_SOURCE_NAME = 100;
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private WorkbookPackage() {}

    /** The package's bookkeeping parts, which POI reads whole when it opens it: each must be small. */
    static void measureBookkeeping(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > ImportLimits.MAX_WORKBOOK_ENTRIES) {
                throw new LimitedStream.LimitPassed(
                        Message.of("import.workbook.tooManyParts", Integer.toString(ImportLimits.MAX_WORKBOOK_ENTRIES)));
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals("[Content_Types].xml") || entry.getName().endsWith(".rels")) {
                    try (InputStream in = limited(zip.getInputStream(entry), entry.getName())) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
        }
    }

    static PackagePart workbookPart(OPCPackage pkg) throws InvalidFormatException {
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
    static List<String[]> listSheets(PackagePart workbook) throws IOException, SAXException {
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

    static void place(String workbookName, String sheetName, PackagePart workbook, String id,
                              Map<InputFile, WorkbookParts.Sheet> sheets, Set<InputFile> refused, Problems problems)
            throws InvalidFormatException {
        InputFile file = SheetNames.fileFor(sheetName).orElse(null);
        String source = workbookName + "!" + sheetName;
        if (file == null) {
            problems.warning(workbookName, 0, null, 
                    Message.of("import.workbook.unknownSheet", sheetName, SheetNames.known()));
        } else if (sheets.containsKey(file) || refused.contains(file)) {
            String first = sheets.containsKey(file) ? sheets.get(file).name() : file.fileName();
            problems.error(workbookName, 0, null, 
                    Message.of("import.workbook.sameTable", sheetName, first, file.fileName()));
            sheets.remove(file);
            refused.add(file);
        } else if (source.length() > MAX_SOURCE_NAME) {
            problems.error(workbookName, 0, null, 
                    Message.of("import.workbook.nameTooLong", Integer.toString(MAX_SOURCE_NAME)));
            refused.add(file);
        } else {
            PackageRelationship relationship = id == null ? null : workbook.getRelationship(id);
            PackagePart part = relationship == null ? null : workbook.getRelatedPart(relationship);
            if (part == null) {
                throw new InvalidFormatException("sheet " + sheetName + " has no part");
            }
            sheets.put(file, new WorkbookParts.Sheet(sheetName, source, part));
        }
    }

    static StylesTable styles(PackagePart workbook) throws IOException, InvalidFormatException {
        PackagePart part = related(workbook, XSSFRelation.STYLES.getRelation());
        if (part == null) {
            return new StylesTable();
        }
        try (InputStream in = limited(part, "styles.xml")) {
            return new StylesTable(in);
        }
    }

    static ReadOnlySharedStringsTable strings(PackagePart workbook)
            throws IOException, InvalidFormatException, SAXException {
        PackagePart part = related(workbook, XSSFRelation.SHARED_STRINGS.getRelation());
        if (part == null) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        try (InputStream in = limited(part, "sharedStrings.xml")) {
            return new ReadOnlySharedStringsTable(in);
        }
    }

    static PackagePart related(PackagePart workbook, String type) throws InvalidFormatException {
        PackageRelationshipCollection relationships = workbook.getRelationshipsByType(type);
        return relationships.isEmpty() ? null : workbook.getRelatedPart(relationships.getRelationship(0));
    }

    static InputStream limited(PackagePart part, String what) throws IOException {
        return limited(part.getInputStream(), what);
    }

    private static InputStream limited(InputStream in, String what) {
        return new LimitedStream(in, ImportLimits.MAX_WORKBOOK_PART_BYTES, Message.of("import.workbook.partTooLarge", what,
                ImportLimits.megabytes(ImportLimits.MAX_WORKBOOK_PART_BYTES)));
    }

    static XMLReader reader() throws SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is always configured", e);
        }
    }
}
