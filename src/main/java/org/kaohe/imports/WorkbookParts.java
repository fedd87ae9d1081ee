package org.kaohe.imports;

import static org.kaohe.imports.WorkbookPackage.listSheets;
import static org.kaohe.imports.WorkbookPackage.measureBookkeeping;
import static org.kaohe.imports.WorkbookPackage.place;
import static org.kaohe.imports.WorkbookPackage.reader;
import static org.kaohe.imports.WorkbookPackage.workbookPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.kaohe.errors.Message;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
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
            StylesTable styles = WorkbookPackage.styles(workbook);
            ReadOnlySharedStringsTable strings = WorkbookPackage.strings(workbook);
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
                    throw new SAXException(new LimitedStream.LimitPassed(
                            Message.of("import.workbook.cellTooLong", Integer.toString(ImportLimits.MAX_CELL_CHARS))));
                }
                super.characters(ch, start, length);
            }
        };
        cells.setContentHandler(handler);
        cells.parse(new InputSource(xml));
    }
}
