package dk.kk.gevinstspor.actuals.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;

/**
 * The row errors of an import: every error counted, the first {@value #MAX_LISTED} in row order kept (memory stays
 * bounded however bad the file); any error makes the whole import a 422 (nothing is stored). Each error of a row that
 * names a proposal names it by reference and title ({@link Problem.Error#reference()}, {@link Problem.Error#title()}).
 * Thread-safe: the check adds errors while the writer ({@link ImportWriter}) adds those of the reference check.
 */
final class ImportErrors {

    /** Errors listed in a 422 at most; the detail gives the total. */
    static final int MAX_LISTED = 1000;

    private final List<Problem.Error> kept = new ArrayList<>();
    private long total;

    synchronized void add(Problem.Error error) {
        total++;
        kept.add(error);
        if (kept.size() > 2 * MAX_LISTED) {
            trim();
        }
    }

    void add(long row, String column, String code, String message) {
        add(RowParser.error(row, column, code, message));
    }

    /** An error of a row that names a proposal (its title is added when the errors are listed, {@link #throwIfAny}). */
    void add(RowParser.Parsed row, String column, String code, String message) {
        add(RowParser.error(row.row(), column, code, message).naming(row.reference(), null));
    }

    synchronized boolean any() {
        return total > 0;
    }

    /**
     * 422 listing the first errors, when there are any, each naming its row's proposal by reference and title
     * ({@code titles}: the titles of known references, read once for all listed errors).
     */
    synchronized void throwIfAny(Function<Set<String>, Map<String, String>> titles) {
        if (total > 0) {
            List<Problem.Error> listed = listed();
            Set<String> references = new LinkedHashSet<>();
            listed.stream().map(Problem.Error::reference).filter(r -> r != null).forEach(references::add);
            Map<String, String> known = references.isEmpty() ? Map.of() : titles.apply(references);
            List<Problem.Error> named = listed.stream()
                    .map(e -> e.reference() == null ? e : e.naming(e.reference(), known.get(e.reference()))).toList();
            throw ApiException.unprocessable(total + " fejl i filen; intet er gemt."
                    + (total > MAX_LISTED ? " De første " + MAX_LISTED + " er vist." : ""), named);
        }
    }

    synchronized List<Problem.Error> listed() {
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
