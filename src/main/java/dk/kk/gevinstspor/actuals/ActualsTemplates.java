package dk.kk.gevinstspor.actuals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.domain.Proposal;

/** Which proposals a template for a year holds: those the entry list names ({@link FiguresDue}). */
@ApplicationScoped
public class ActualsTemplates {

    private final FiguresDue due;

    public ActualsTemplates(FiguresDue due) {
        this.due = due;
    }

    /**
     * The proposals that need figures for the year, ordered by reference: of the committee's administrations when one
     * is given, else of the entry user's administrations, else all.
     */
    @Transactional
    public List<Proposal> proposalsFor(int year, String committee) {
        List<Proposal> proposals = new ArrayList<>();
        due.each(year, committee, stored -> proposals.add(stored.proposal()));
        proposals.sort(Comparator.comparing(Proposal::reference));
        return proposals;
    }
}
