package dk.kk.gevinstspor.actuals.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an actuals file, CSV or XLSX, one row at a time. CSV as Danish Excel writes it ({@code ;}, decimal
 * comma, thousands dots, UTF-8 with or without BOM, or Windows-1252) or as others write it ({@code ,}, decimal
 * point); XLSX with Apache POI's streaming reader (the first sheet).
 */
public final class ActualsFile {

    /** How the numbers of a file are written. */
    public enum NumberStyle {
        /** {@code 1.234.567,50} (and {@code 1234567,50}). */
        DANISH,
        /** {@code 1234567.50}. */
        INTERNATIONAL,
        /** XLSX: numeric cells are exact decimals; text cells are read the Danish way. */
        SPREADSHEET
    }

    /** Receives the header and each row, with its row number (the header is row 1). */
    public interface Rows {
        void header(List<String> cells) throws IOException;

        void row(long rowNumber, List<String> cells, NumberStyle style) throws IOException;
    }

    /** The file cannot be read as CSV or XLSX at all. */
    public static final class Unreadable extends IOException {
        public final long row;
        /** {@code EMPTY_FILE}, {@code UNREADABLE_FILE}, {@code UNSUPPORTED_ENCODING} or {@code FORMULA_WITHOUT_VALUE}. */
        public final String code;

        public Unreadable(long row, String message) {
            this(row, "UNREADABLE_FILE", message);
        }

        public Unreadable(long row, String code, String message) {
            super(message);
            this.row = row;
            this.code = code;
        }

        static Unreadable empty() {
            return new Unreadable(1, "EMPTY_FILE", "Filen er tom");
        }
    }

    /**
     * The most cells a row may have: 16,384, Excel's last column XFD. A cell beyond it (an XLSX cell at column
     * {@code ZZZZZZ} would pad its row to 321 million cells) or a CSV line with more fields is refused, row named.
     */
    public static final int MAX_CELLS = 16_384;

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ActualsFile() {
    }

    /** Reads the file, telling XLSX from CSV by its first bytes. Returns the number of data rows. */
    public static long read(Path file, Rows rows) throws IOException {
        byte[] start = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        }
        if (n == 0) {
            throw Unreadable.empty();
        }
        if (n >= 4 && java.util.Arrays.equals(start, 0, 4, ZIP, 0, 4)) {
            return XlsxReader.read(file, rows);
        }
        if (!looksLikeText(start, n)) {
            throw new Unreadable(1, "UNSUPPORTED_ENCODING", "Filen er hverken et Excel-regneark (xlsx) eller tekst i UTF-8 eller"
                    + " Windows-1252 (den er fx gemt som UTF-16 eller er et billede): gem den i Excel som »CSV UTF-8« eller »CSV"
                    + " (semikolonsepareret)«");
        }
        return readCsv(file, rows, start, n);
    }

    /**
     * No UTF-16 byte-order mark, and control bytes (other than tab, line feed, carriage return) are rare at the start:
     * text in an encoding built on bytes. (UTF-16 text is half NUL bytes, binary files have many; a stray NUL in a
     * text file is left to the row's {@code INVALID_CHARACTER}.)
     */
    private static boolean looksLikeText(byte[] start, int n) {
        if (n >= 2 && (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE || start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = start[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                control++;
            }
        }
        return control * 20 < n;
    }

    private static long readCsv(Path file, Rows rows, byte[] start, int n) throws IOException {
        boolean bom = n >= 3 && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
        Charset charset = bom || isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(3);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            reader.mark(1 << 16);
            char delimiter = delimiterOf(reader);
            reader.reset();
            NumberStyle style = delimiter == ';' ? NumberStyle.DANISH : NumberStyle.INTERNATIONAL;
            CsvReader csv = new CsvReader(reader, delimiter);
            try {
                List<String> header = csv.next();
                if (header == null || header.stream().allMatch(String::isBlank)) {
                    throw Unreadable.empty();
                }
                rows.header(header);
                long row = 1;
                long data = 0;
                List<String> cells;
                while ((cells = csv.next()) != null) {
                    row++;
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    data++;
                    rows.row(row, cells, style);
                }
                return data;
            } catch (CsvReader.MalformedCsv e) {
                throw new Unreadable(e.line, e.getMessage());
            }
        }
    }

    /** The delimiter of the header line: {@code ;} when it has any and no fewer than commas, else {@code ,}. */
    private static char delimiterOf(BufferedReader reader) throws IOException {
        int semicolons = 0;
        int commas = 0;
        int c;
        int read = 0;
        while ((c = reader.read()) != -1 && c != '\n' && read++ < 60_000) {
            if (c == ';') {
                semicolons++;
            } else if (c == ',') {
                commas++;
            }
        }
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    /** True when the whole file is valid UTF-8 (read in blocks; memory stays small). */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            while (channel.read(in) != -1) {
                in.flip();
                out.clear();
                if (decoder.decode(in, out, false).isError()) {
                    return false;
                }
                in.compact();
            }
            in.flip();
            out.clear();
            return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
