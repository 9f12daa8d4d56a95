package dk.kk.gevinstspor.actuals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.FullyImplemented;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ReportMembership;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.report.PortfolioReader;
import io.quarkus.security.identity.SecurityIdentity;

/** What the entry page lists: the proposals that need figures for an accounts year, and where each stands. */
@ApplicationScoped
public class EntryOverview {

    /** Where a proposal's figures for the year stand. */
    public enum State {
        MISSING, EXPLANATION_NEEDED, ENTERED
    }

    public record Line(String reference, String title, String leadAdministration, State state) {
    }

    private final PortfolioReader reader;
    private final SecurityIdentity identity;
    private final EvaluationSettings settings;

    public EntryOverview(PortfolioReader reader, SecurityIdentity identity, EvaluationSettings settings) {
        this.reader = reader;
        this.identity = identity;
        this.settings = settings;
    }

    /**
     * The proposals in which the caller's administrations take part (an admin's: all, or the committee's) that
     * are followed up in the accounts year (DOMAIN.md: started, not fully implemented before it, not cancelled
     * before it), ordered by reference. Two SQL statements, however many proposals.
     */
    @Transactional
    public List<Line> lines(int year, String committee) {
        String condition;
        Map<String, Object> parameters;
        if (committee != null) {
            condition = "EXISTS (SELECT 1 FROM proposal_administration pa JOIN administration a ON a.code = pa.administration_code"
                    + " WHERE pa.proposal_id = p.id AND a.committee_code = :committee)";
            parameters = Map.of("committee", committee);
        } else if (!identity.hasRole(Roles.ADMIN)) {
            Set<String> own = Caller.administrations(identity);
            if (own.isEmpty()) {
                return List.of();
            }
            condition = "EXISTS (SELECT 1 FROM proposal_administration pa WHERE pa.proposal_id = p.id"
                    + " AND pa.administration_code IN (:administrations))";
            parameters = Map.of("administrations", own);
        } else {
            condition = "true";
            parameters = Map.of();
        }
        List<Line> lines = new ArrayList<>();
        reader.forEach(condition, parameters, loaded -> line(loaded, year).ifPresent(lines::add));
        lines.sort(Comparator.comparing(Line::reference));
        return lines;
    }

    private Optional<Line> line(PortfolioReader.Loaded loaded, int year) {
        Proposal proposal = loaded.proposal();
        Optional<Integer> fullyImplemented = FullyImplemented.of(proposal, loaded.actuals(), year, settings.tolerance()).year();
        if (!ReportMembership.isFollowedUp(proposal, fullyImplemented, year)) {
            return Optional.empty();
        }
        Optional<YearlyActual> row = loaded.actuals().forYear(year);
        State state = row.isEmpty() ? State.MISSING
                : ExplanationRule.isMissing(proposal, row.get(), settings.tolerance()) ? State.EXPLANATION_NEEDED : State.ENTERED;
        return Optional.of(new Line(proposal.reference(), proposal.title(), proposal.leadAdministration(), state));
    }
}
