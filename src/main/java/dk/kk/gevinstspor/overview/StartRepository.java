package dk.kk.gevinstspor.overview;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.PortfolioHeadline;

/**
 * The start page's set-based reads of the evaluation snapshots (docs/reporting.md: each proposal's evaluation per
 * accounts year as the domain computed it): one grouped statement for the year's headline figures, one for the
 * proposals with ERROR or WARNING findings (a partial index holds only those rows, V35). Neither reads per proposal.
 */
@ApplicationScoped
public class StartRepository {

    /** A proposal whose evaluation has ERROR or WARNING findings, and how many proposals have such in all. */
    public record WithFindings(String reference, String title, int errors, int warnings, long total) {
    }

    @Inject
    EntityManager em;

    /** The proposals under follow-up in the accounts year per price level year and status, with the year's gain summed. */
    public List<PortfolioHeadline.Group> headline(int year) {
        List<?> rows = em.createNativeQuery("SELECT p.price_level_year, s.status, count(*), sum(s.planned_gain), sum(s.actual_gain)"
                + " FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id"
                + " WHERE s.year = ?1 AND s.follow_up_year = s.year GROUP BY p.price_level_year, s.status")
                .setParameter(1, year).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new PortfolioHeadline.Group(((Number) r[0]).intValue(), FollowUpStatus.valueOf((String) r[1]),
                    ((Number) r[2]).longValue(), Amount.of((BigDecimal) r[3]), Amount.of((BigDecimal) r[4]));
        }).toList();
    }

    /**
     * The first {@code limit} proposals whose evaluation of the accounts year has ERROR or WARNING findings, those
     * with errors first, then the newest; each row carries the total.
     */
    public List<WithFindings> withFindings(int year, int limit) {
        List<?> rows = em.createNativeQuery("SELECT p.reference, p.title, s.error_findings, s.warning_findings, count(*) OVER ()"
                + " FROM evaluation_snapshot s JOIN proposal p ON p.id = s.proposal_id"
                + " WHERE s.year = ?1 AND (s.error_findings > 0 OR s.warning_findings > 0)"
                + " ORDER BY s.error_findings > 0 DESC, p.id DESC LIMIT ?2")
                .setParameter(1, year).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new WithFindings((String) r[0], (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue());
        }).toList();
    }
}
