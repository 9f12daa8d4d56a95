package dk.kk.gevinstspor.actuals;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.FullyImplemented;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ReportMembership;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalMapper;

/** What the entry page lists: the proposals that need figures for an accounts year, and where each stands. */
@ApplicationScoped
public class EntryOverview {

    /** Where a proposal's figures for the year stand. */
    public enum State {
        MISSING, EXPLANATION_NEEDED, ENTERED
    }

    public record Line(String reference, String title, String leadAdministration, State state) {
    }

    private final ActualsTemplates proposals;
    private final ActualRepository actuals;
    private final EvaluationSettings settings;

    public EntryOverview(ActualsTemplates proposals, ActualRepository actuals, EvaluationSettings settings) {
        this.proposals = proposals;
        this.actuals = actuals;
        this.settings = settings;
    }

    /**
     * The proposals of the caller's administrations (an admin's: all, or the committee's) that are followed up in
     * the accounts year (DOMAIN.md: started, not fully implemented before it, not cancelled before it).
     */
    public List<Line> lines(int year, String committee) {
        return proposals.entitiesFor(year, committee).stream().map(e -> line(e, year)).flatMap(Optional::stream).toList();
    }

    private Optional<Line> line(ProposalEntity entity, int year) {
        Proposal proposal = ProposalMapper.toDomain(entity);
        Actuals stored = actuals.actualsOf(entity.id);
        Optional<Integer> fullyImplemented = FullyImplemented.of(proposal, stored, year, settings.tolerance()).year();
        if (!ReportMembership.isFollowedUp(proposal, fullyImplemented, year)) {
            return Optional.empty();
        }
        Optional<YearlyActual> row = stored.forYear(year);
        State state = row.isEmpty() ? State.MISSING
                : ExplanationRule.isMissing(proposal.plan(), row.get(), settings.tolerance()) ? State.EXPLANATION_NEEDED : State.ENTERED;
        return Optional.of(new Line(entity.reference, entity.title, entity.leadAdministration, state));
    }
}
