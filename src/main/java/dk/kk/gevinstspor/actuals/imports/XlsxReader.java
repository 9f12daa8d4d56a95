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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(XlsxReader.class);

    private XlsxReader() {
    }

    static long read(Path file, ActualsFile.Rows rows) throws IOException {
        SheetHandler handler = null;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ActualsFile.Unreadable(1, "Regnearket har ingen ark");
            }
            try (InputStream sheet = sheets.next()) {
                handler = new SheetHandler(strings, rows);
                SAXParser parser = XMLHelper.getSaxParserFactory().newSAXParser();
                parser.parse(new InputSource(sheet), handler);
                if (!handler.headerSeen) {
                    throw ActualsFile.Unreadable.empty();
                }
                return handler.dataRows;
            }
        } catch (SAXException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e instanceof CallerFailed failed) {
                // not the file's fault (e.g. the database went away while rows were checked): as it was thrown
                throw (RuntimeException) failed.getCause();
            }
            throw unreadable(rowOf(handler), e);
        } catch (OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            // whatever POI or the XML parser throws on a damaged file (POIXMLException, an index out of bounds, …): 422
            throw unreadable(rowOf(handler), e);
        }
    }

    /** The row being read when the file turned out damaged (the header, row 1, before any). */
    private static long rowOf(SheetHandler handler) {
        return handler == null || handler.rowNumber < 1 ? 1 : handler.rowNumber;
    }

    /**
     * A file that cannot be read; the technical reason goes to the log, never to the client (it names Java classes
     * and XML details).
     */
    private static ActualsFile.Unreadable unreadable(long row, Exception e) {
        LOG.debugf("Unreadable XLSX at row %d: %s", row, e);
        return new ActualsFile.Unreadable(row, "Filen kan ikke læses som et Excel-regneark (xlsx): den er ødelagt eller ikke et"
                + " regneark. Åbn den i Excel, og gem den som »Excel-projektmappe (.xlsx)« eller som CSV.");
    }

    /**
     * "C7" → 2; without a reference, the next column. Beyond XFD (or not a reference of letters A–Z then digits)
     * → -1, counted no further than that, so that no text makes a huge number.
     */
    static int columnIndex(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int index = 0;
        int i = 0;
        for (; i < reference.length() && isAsciiLetter(reference.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (index > ActualsFile.MAX_CELLS) {
                return -1;
            }
        }
        return i == 0 ? -1 : index - 1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** A runtime failure of the receiver of the rows, carried through the XML parser untouched. */
    private static final class CallerFailed extends SAXException {
        CallerFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized Throwable getCause() {
            return getException();
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
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (localName) {
                case "row" -> {
                    cells.clear();
                    String r = attributes.getValue("r");
                    long previous = rowNumber;
                    rowNumber = r == null ? rowNumber + 1 : digits(r, 1_048_576);
                    if (rowNumber < 1) {
                        throw new SAXException(new ActualsFile.Unreadable(previous + 1, "Regnearket har et ugyldigt rækkenummer: "
                                + abbreviate(r)));
                    }
                }
                case "c" -> {
                    type = attributes.getValue("t");
                    column = columnIndex(attributes.getValue("r"), cells.size());
                    if (column < 0 || column >= ActualsFile.MAX_CELLS) {
                        throw new SAXException(new ActualsFile.Unreadable(rowNumber, "Cellen " + abbreviate(attributes.getValue("r"))
                                + " ligger efter regnearkets sidste kolonne, XFD (højst " + ActualsFile.MAX_CELLS + " kolonner)"));
                    }
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
                        long index = digits(text.trim(), Integer.MAX_VALUE);
                        if (index < 0 || index >= strings.getCount()) {
                            throw new SAXException(new ActualsFile.Unreadable(rowNumber, "Cellen " + columnName(column) + rowNumber
                                    + " henviser til en tekst, som regnearket ikke har (ødelagt fil): åbn filen i Excel, og gem den igen"));
                        }
                        text = strings.getItemAt((int) index).getString();
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
                    } catch (RuntimeException e) {
                        throw new CallerFailed(e);
                    }
                }
                default -> {
                }
            }
        }

        /** ASCII digits as a number up to {@code max}; -1 for anything else (a sign, other digits, too large). */
        private static long digits(String text, long max) {
            if (text.isEmpty() || text.length() > 10) {
                return -1;
            }
            long n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n <= max ? n : -1;
        }

        private static String abbreviate(String s) {
            return s == null ? "" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
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
