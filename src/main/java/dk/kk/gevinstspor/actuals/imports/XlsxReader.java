package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file as rows of cell texts with Apache POI's streaming (SAX) API: numeric
 * cells as their exact stored value ({@code 1234567.5}), text cells as typed, formula cells as their last result.
 * POI's zip-bomb guard (inflate ratio, entry size) stays on.
 */
final class XlsxReader {

    private XlsxReader() {
    }

    static long read(Path file, ActualsFile.Rows rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ActualsFile.Unreadable(1, "Regnearket har ingen ark");
            }
            try (InputStream sheet = sheets.next()) {
                SheetHandler handler = new SheetHandler(strings, rows);
                SAXParser parser = XMLHelper.getSaxParserFactory().newSAXParser();
                parser.parse(new InputSource(sheet), handler);
                if (!handler.headerSeen) {
                    throw ActualsFile.Unreadable.empty();
                }
                return handler.dataRows;
            }
        } catch (OpenXML4JException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException e) {
            throw new ActualsFile.Unreadable(1, "Filen kan ikke læses som et Excel-regneark (xlsx): " + e.getMessage());
        } catch (SAXException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ActualsFile.Unreadable(1, "Regnearket er ødelagt: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ActualsFile.Unreadable(1, "Filen kan ikke læses som et Excel-regneark (xlsx): " + e.getMessage());
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final ActualsFile.Rows rows;
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder value = new StringBuilder();
        private long rowNumber;
        private int column;
        private String type;
        private boolean inValue;
        private boolean formula;
        private boolean cached;
        boolean headerSeen;
        long dataRows;

        SheetHandler(ReadOnlySharedStringsTable strings, ActualsFile.Rows rows) {
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    cells.clear();
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                }
                case "c" -> {
                    type = attributes.getValue("t");
                    column = columnIndex(attributes.getValue("r"), cells.size());
                    value.setLength(0);
                    formula = false;
                    cached = false;
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    inValue = true;
                    cached = true;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inValue) {
                if (value.length() + length > CsvReader.MAX_FIELD) {
                    throw new SAXException(new ActualsFile.Unreadable(rowNumber, "En celle er længere end " + CsvReader.MAX_FIELD + " tegn"));
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (formula && !cached) {
                        throw new SAXException(new ActualsFile.Unreadable(rowNumber, "FORMULA_WITHOUT_VALUE", "Cellen "
                                + columnName(column) + rowNumber + " har en formel uden beregnet værdi: åbn filen i Excel, og gem den igen"));
                    }
                    String text = value.toString();
                    if ("s".equals(type) && !text.isEmpty()) {
                        text = strings.getItemAt(Integer.parseInt(text.trim())).getString();
                    } else if ("b".equals(type)) {
                        text = "1".equals(text) ? "TRUE" : "FALSE";
                    }
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text);
                }
                case "row" -> {
                    try {
                        if (!headerSeen) {
                            if (cells.stream().allMatch(String::isBlank)) {
                                return;
                            }
                            headerSeen = true;
                            rows.header(List.copyOf(cells));
                        } else if (!cells.stream().allMatch(String::isBlank)) {
                            dataRows++;
                            rows.row(rowNumber, List.copyOf(cells), ActualsFile.NumberStyle.SPREADSHEET);
                        }
                    } catch (IOException e) {
                        throw new SAXException(e);
                    }
                }
                default -> {
                }
            }
        }

        /** "C7" → 2; without a reference, the next column. */
        private static int columnIndex(String reference, int next) {
            if (reference == null) {
                return next;
            }
            int index = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                index = index * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return index - 1;
        }

        /** 2 → "C"; 27 → "AB". */
        private static String columnName(int index) {
            StringBuilder name = new StringBuilder();
            for (int i = index + 1; i > 0; i = (i - 1) / 26) {
                name.insert(0, (char) ('A' + (i - 1) % 26));
            }
            return name.toString();
        }
    }
}
