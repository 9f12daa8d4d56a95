package dk.kk.gevinstspor.actuals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.portfolio.Stored;

/** Which proposals a template for a year holds: those the entry list names ({@link FiguresDue}), with their stored figures. */
@ApplicationScoped
public class ActualsTemplates {

    @Inject
    FiguresDue due;

    /**
     * The proposals that need figures for the year, with their actuals, ordered by reference: of the committee's
     * administrations when one is given, else of the entry user's administrations, else all.
     */
    @Transactional
    public List<Stored> proposalsFor(int year, String committee) {
        List<Stored> proposals = new ArrayList<>();
        due.each(year, committee, proposals::add);
        proposals.sort(Comparator.comparing(s -> s.proposal().reference()));
        return proposals;
    }
}
