package dk.kk.gevinstspor.actuals.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;

/**
 * The row errors of an import: every error counted, the first {@value #MAX_LISTED} in row order kept (memory stays
 * bounded however bad the file); any error makes the whole import a 422 (nothing is stored).
 */
final class ImportErrors {

    /** Errors listed in a 422 at most; the detail gives the total. */
    static final int MAX_LISTED = 1000;

    private final List<Problem.Error> kept = new ArrayList<>();
    private long total;

    void add(Problem.Error error) {
        total++;
        kept.add(error);
        if (kept.size() > 2 * MAX_LISTED) {
            trim();
        }
    }

    void add(long row, String column, String code, String message) {
        add(RowParser.error(row, column, code, message));
    }

    boolean any() {
        return total > 0;
    }

    /** 422 listing the first errors, when there are any. */
    void throwIfAny() {
        if (total > 0) {
            throw ApiException.unprocessable(total + " fejl i filen; intet er gemt."
                    + (total > MAX_LISTED ? " De første " + MAX_LISTED + " er vist." : ""), listed());
        }
    }

    List<Problem.Error> listed() {
        trim();
        return kept;
    }

    private void trim() {
        kept.sort(Comparator.comparing((Problem.Error e) -> e.row() == null ? 0 : e.row())
                .thenComparing(e -> e.column() == null ? "" : e.column()));
        if (kept.size() > MAX_LISTED) {
            kept.subList(MAX_LISTED, kept.size()).clear();
        }
    }
}
