package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.error.Problem;

/**
 * The import's first step, file to rows: reads the file as a stream ({@link ActualsFile}), types each row
 * ({@link RowParser}) and hands the rows on a batch at a time, so memory does not grow with the file. What cannot
 * be read becomes a row error ({@code UNREADABLE_FILE} and the like), never an exception.
 */
final class ImportReader {

    /** Rows handed on together (their proposals are then read with one query). */
    static final int BATCH = 2_000;

    private static final Logger LOG = Logger.getLogger(ImportReader.class);

    /** What was read: the data rows (0 when the header or the file is unusable) and whether KPI or milestone columns were there. */
    record FileRead(long rows, boolean withKpis, boolean withMilestones) {
        static final FileRead NOTHING = new FileRead(0, false, false);

        boolean withCollections() {
            return withKpis || withMilestones;
        }
    }

    /** Receives each batch of rows as read (a full batch, then the rest); may fail with the database's error. */
    interface Batches {
        /** A usable header was read (before the first batch): whether the file has KPI or milestone columns. */
        default void header(boolean withCollections) {
        }

        void accept(List<RowParser.Parsed> batch) throws SQLException;
    }

    private ImportReader() {
    }

    /**
     * Reads the file; header and cell errors go to {@code errors}, the rows to {@code batches} (a row with cell errors
     * too: its proposal may still find more). A header with errors stops the rows.
     *
     * @throws SQLException what {@code batches} threw
     */
    static FileRead read(Path file, ImportErrors errors, Batches batches) throws SQLException {
        RowParser parser = new RowParser();
        List<RowParser.Parsed> batch = new ArrayList<>(BATCH);
        boolean[] headerOk = { true };
        try {
            long rows = ActualsFile.read(file, new ActualsFile.Rows() {
                @Override
                public void header(List<String> cells) {
                    List<Problem.Error> headerErrors = parser.header(cells);
                    headerErrors.forEach(errors::add);
                    headerOk[0] = headerErrors.isEmpty();
                    batches.header(parser.hasKpis() || parser.hasMilestones());
                }

                @Override
                public void row(long rowNumber, List<String> cells, ActualsFile.NumberStyle style) throws IOException {
                    if (!headerOk[0]) {
                        return;
                    }
                    List<Problem.Error> rowErrors = new ArrayList<>();
                    RowParser.Parsed parsed = parser.row(rowNumber, cells, style, rowErrors);
                    batch.add(parsed);
                    rowErrors.forEach(e -> errors.add(e.naming(parsed.reference(), null)));
                    if (batch.size() == BATCH) {
                        handOn(batch, batches);
                    }
                }
            });
            handOn(batch, batches);
            return new FileRead(headerOk[0] ? rows : 0, parser.hasKpis(), parser.hasMilestones());
        } catch (ActualsFile.Unreadable e) {
            errors.add(e.row, null, e.code, e.getMessage());
            return FileRead.NOTHING;
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            // e.g. POI's zip-bomb guard; its text names Java classes and settings, so the client gets ours
            LOG.debugf("Unreadable import: %s", e);
            errors.add(1, null, "UNREADABLE_FILE", "Filen kan ikke læses: den er ødelagt, pakket ud fylder den"
                    + " urimeligt meget, eller den er hverken CSV eller et Excel-regneark (xlsx)");
            return FileRead.NOTHING;
        }
    }

    /** Hands on the batch (when it has rows) and empties it; the database's error travels through the file reader as its cause. */
    private static void handOn(List<RowParser.Parsed> batch, Batches batches) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            batches.accept(batch);
        } catch (SQLException e) {
            throw new IOException(e);
        }
        batch.clear();
    }
}
