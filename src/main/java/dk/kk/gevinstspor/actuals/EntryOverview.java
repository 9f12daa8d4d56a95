package dk.kk.gevinstspor.actuals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.portfolio.Stored;

/** What the entry page lists: the proposals that need figures for an accounts year, and where each stands. */
@ApplicationScoped
public class EntryOverview {

    /** Where a proposal's figures for the year stand. */
    public enum State {
        MISSING, EXPLANATION_NEEDED, ENTERED
    }

    public record Line(String reference, String title, String leadAdministration, State state) {
    }

    /** The lines with their counts per state (the entry list's and the start page's). */
    public record Summary(List<Line> lines, long missing, long explanationNeeded, long entered) {

        public static Summary of(List<Line> lines) {
            return new Summary(lines, count(lines, State.MISSING), count(lines, State.EXPLANATION_NEEDED), count(lines, State.ENTERED));
        }

        private static long count(List<Line> lines, State state) {
            return lines.stream().filter(l -> l.state() == state).count();
        }

        /** The lines whose figures are not done yet (missing, or needing an explanation). */
        public List<Line> open() {
            return lines.stream().filter(l -> l.state() != State.ENTERED).toList();
        }
    }

    @Inject
    FiguresDue due;
    @Inject
    EvaluationSettings settings;

    /**
     * The proposals in which the caller's administrations take part (an admin's: all, or the committee's) that
     * need figures for the accounts year ({@link FiguresDue}: started, not fully implemented before it, not cancelled
     * before it), ordered by reference. Two SQL statements, however many proposals.
     */
    @Transactional
    public List<Line> lines(int year, String committee) {
        List<Line> lines = new ArrayList<>();
        due.each(year, committee, stored -> lines.add(line(stored, year)));
        lines.sort(Comparator.comparing(Line::reference));
        return lines;
    }

    /** {@link #lines} with their counts. */
    @Transactional
    public Summary summary(int year, String committee) {
        return Summary.of(lines(year, committee));
    }

    private Line line(Stored stored, int year) {
        Proposal proposal = stored.proposal();
        Optional<YearlyActual> row = stored.actuals().forYear(year);
        State state = row.isEmpty() ? State.MISSING
                : ExplanationRule.isMissing(proposal, row.get(), settings.tolerance()) ? State.EXPLANATION_NEEDED : State.ENTERED;
        return new Line(proposal.reference(), proposal.title(), proposal.leadAdministration(), state);
    }
}
