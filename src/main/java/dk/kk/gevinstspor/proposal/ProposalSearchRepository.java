package dk.kk.gevinstspor.proposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.ProposalKind;

/**
 * The list and search of proposals ({@code /forslag}, {@code GET /api/proposals}) in SQL: one statement for a page (LIMIT
 * and OFFSET, sorted in the database) and one for the number of matches, with the same condition. The status is the
 * evaluation snapshot's of the given accounts year (docs/reporting.md), never evaluated here.
 */
@ApplicationScoped
public class ProposalSearchRepository {

    private static final String FROM = " FROM proposal p JOIN administration a ON a.code = p.lead_administration"
            + " LEFT JOIN evaluation_snapshot s ON s.proposal_id = p.id AND s.year = :statusYear";
    private static final String PAGE = "SELECT p.id, p.reference, p.title, a.committee_code, p.lead_administration,"
            + " (SELECT string_agg(pa.administration_code, ',' ORDER BY o.sort_order) FROM proposal_administration pa"
            + " JOIN administration o ON o.code = pa.administration_code"
            + " WHERE pa.proposal_id = p.id AND pa.administration_code <> p.lead_administration),"
            + " p.kind, p.digital, p.adoption_year, s.status" + FROM + " WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM proposal p%s WHERE %s";

    @Inject
    EntityManager em;

    /** The SQL of a sort column. */
    private static String expression(ProposalSort column) {
        return switch (column) {
            case REFERENCE -> "p.reference";
            // Danish order (æ, ø, å after z; upper and lower case together): the ICU collation PostgreSQL ships
            case TITLE -> "p.title COLLATE \"da-x-icu\"";
            case COMMITTEE -> "a.committee_code";
            case ADMINISTRATION -> "p.lead_administration";
            // by the kinds' Danish names: Foranalyse, Innovationsforslag, Investeringsforslag
            case KIND -> "CASE p.kind WHEN 'PRE_ANALYSIS' THEN 1 WHEN 'INNOVATION' THEN 2 ELSE 3 END";
            case ADOPTION_YEAR -> "p.adoption_year";
            case STATUS -> "CASE s.status WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'RED' THEN 3 WHEN 'MISSING' THEN 4"
                    + " WHEN 'NOT_STARTED' THEN 5 END";
        };
    }

    /** How many proposals match. */
    public long count(ProposalFilter filter, int statusYear) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        // the snapshot is joined only when its status is asked for
        String from = filter.status() == null ? "" : " JOIN evaluation_snapshot s ON s.proposal_id = p.id AND s.year = :statusYear";
        if (filter.status() != null) {
            parameters.put("statusYear", statusYear);
        }
        Query query = em.createNativeQuery(COUNT.formatted(from, where));
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The matching proposals from {@code offset}, at most {@code limit}, sorted by the column (then by reference). */
    public List<ProposalListRow> page(ProposalFilter filter, int statusYear, ProposalSort column, boolean descending, long offset, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        String direction = descending ? " DESC" : " ASC";
        String order = expression(column) + direction + (column == ProposalSort.STATUS ? " NULLS LAST" : "")
                + (column == ProposalSort.REFERENCE ? "" : ", p.reference" + direction);
        Query query = em.createNativeQuery(PAGE.formatted(where, order));
        parameters.forEach(query::setParameter);
        query.setParameter("statusYear", statusYear).setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ProposalListRow> found = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String others = (String) r[5];
            found.add(new ProposalListRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    others == null ? List.of() : List.of(others.split(",")), ProposalKind.valueOf((String) r[6]), (Boolean) r[7],
                    ((Number) r[8]).intValue(), r[9] == null ? null : FollowUpStatus.valueOf((String) r[9])));
        }
        return found;
    }

    /** The adoption years of the stored proposals, ascending (the list's year filter offers them). */
    public List<Integer> adoptionYears() {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("SELECT DISTINCT adoption_year FROM proposal ORDER BY 1").getResultList();
        return years.stream().map(Number::intValue).toList();
    }

    /** The filter as a condition on {@code proposal p} (and {@code evaluation_snapshot s}), its values as parameters. */
    private static String where(ProposalFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("true");
        List<String> words = filter.words();
        for (int i = 0; i < words.size(); i++) {
            where.append(" AND (lower(p.title) LIKE :w").append(i).append(" OR lower(p.reference) LIKE :w").append(i).append(')');
            parameters.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        if (filter.committee() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM proposal_administration pc JOIN administration c ON c.code = pc.administration_code"
                    + " WHERE pc.proposal_id = p.id AND c.committee_code = :committee)");
            parameters.put("committee", filter.committee());
        }
        if (filter.administration() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM proposal_administration pb WHERE pb.proposal_id = p.id"
                    + " AND pb.administration_code = :administration)");
            parameters.put("administration", filter.administration());
        }
        if (filter.kind() != null) {
            where.append(" AND p.kind = :kind");
            parameters.put("kind", filter.kind().name());
        }
        if (filter.digital() != null) {
            where.append(" AND p.digital = :digital");
            parameters.put("digital", filter.digital());
        }
        if (filter.adoptionYear() != null) {
            where.append(" AND p.adoption_year = :adoptionYear");
            parameters.put("adoptionYear", filter.adoptionYear());
        }
        if (filter.status() != null) {
            where.append(" AND s.status = :status");
            parameters.put("status", filter.status().name());
        }
        return where.toString();
    }

    /** The text as a LIKE pattern's literal part: {@code %}, {@code _} and the escape character itself escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
