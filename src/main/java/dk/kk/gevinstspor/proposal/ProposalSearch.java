package dk.kk.gevinstspor.proposal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.common.config.Today;

/**
 * Lists and searches proposals for the page {@code /forslag}: every signed-in user reads every proposal
 * (docs/security.md), so nothing is hidden by role. A page is two statements, whatever the size of the portfolio: the
 * number of matches and the rows of the page ({@link ProposalSearchRepository}). The status shown is that of the last
 * completed accounts year, from the evaluation snapshots.
 */
@ApplicationScoped
public class ProposalSearch {

    /** A page of a list: its rows, the number of matches, the page (from 0) of how many, and the status's accounts year. */
    public record Result(List<ProposalListRow> rows, long total, int page, int pages, int statusYear) {
    }

    @Inject
    ProposalSearchRepository search;
    @Inject
    Today today;

    /**
     * The page of matching proposals, sorted by the column (then by reference); a page beyond the last is the last
     * one.
     */
    public Result search(ProposalFilter filter, ProposalSort column, boolean descending, int page, int size) {
        int year = statusYear();
        long total = search.count(filter, year);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        List<ProposalListRow> rows = total == 0 ? List.of() : search.page(filter, year, column, descending, (long) shown * size, size);
        return new Result(rows, total, shown, pages, year);
    }

    /** The accounts year whose status a list shows and filters by: the last completed year. */
    public int statusYear() {
        return today.lastCompletedYear();
    }

    /** The adoption years of the stored proposals, ascending. */
    public List<Integer> adoptionYears() {
        return search.adoptionYears();
    }
}
