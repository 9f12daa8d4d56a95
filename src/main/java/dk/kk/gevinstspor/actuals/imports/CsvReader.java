package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of RFC 4180 CSV: fields separated by one delimiter, optionally in double quotes (which
 * may contain the delimiter, line breaks and doubled quotes). Reads one record at a time; memory does not grow
 * with the file, only with the longest record, which is capped.
 */
final class CsvReader {

    /** The longest field accepted, in characters (a 10-MB cell is refused, not swallowed). */
    static final int MAX_FIELD = 100_000;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = -2;
    private long line = 1;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Thrown for a record that cannot be read; the line tells where. */
    static final class MalformedCsv extends IOException {
        final long line;

        MalformedCsv(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** The line the next record starts on. */
    long line() {
        return line;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsv(line, "Et felt i anførselstegn slutter aldrig");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
                c = read();
                continue;
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                c = read();
                continue;
            }
            if (c == delimiter) {
                if (fields.size() + 1 >= ActualsFile.MAX_CELLS) {
                    throw new MalformedCsv(line, "Rækken har flere end " + ActualsFile.MAX_CELLS + " felter");
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                if (wasQuoted) {
                    throw new MalformedCsv(line, "Tekst efter et felt i anførselstegn");
                }
                append(field, (char) c);
            }
            c = read();
        }
    }

    private void append(StringBuilder field, char c) throws MalformedCsv {
        if (field.length() >= MAX_FIELD) {
            throw new MalformedCsv(line, "Et felt er længere end " + MAX_FIELD + " tegn");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
