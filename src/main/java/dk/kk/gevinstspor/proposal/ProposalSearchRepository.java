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
 * The list and search of proposals ({@code /forslag}, {@code GET /api/proposals}) in SQL: one statement for the number of
 * matches and one for a page (sorted in the database, LIMIT and OFFSET), with the same condition. The status is the
 * evaluation snapshot's of the given accounts year (docs/reporting.md), never evaluated here. Flyway V40 adds the indexes
 * that keep them fast on 100,000 proposals (docs/pages.md, The proposal list).
 */
@ApplicationScoped
public class ProposalSearchRepository {

    /**
     * A page: its proposals are chosen first, reading only what the condition and the sort need (by index where the sort
     * allows), and only those are then joined with their committee, snapshot and the other administrations taking part,
     * so a page far down the list does not join every row it skips.
     */
    private static final String PAGE = "SELECT p.id, p.reference, p.title, a.committee_code, p.lead_administration,"
            + " (SELECT string_agg(pa.administration_code, ',' ORDER BY o.sort_order) FROM proposal_administration pa"
            + " JOIN administration o ON o.code = pa.administration_code"
            + " WHERE pa.proposal_id = p.id AND pa.administration_code <> p.lead_administration),"
            + " p.kind, p.digital, p.adoption_year, s.status"
            + " FROM (SELECT p.id, p.reference, %1$s AS sort_key%2$s WHERE %3$s ORDER BY %4$s LIMIT :limit OFFSET :offset) x"
            + " JOIN proposal p ON p.id = x.id JOIN administration a ON a.code = p.lead_administration"
            + " LEFT JOIN evaluation_snapshot s ON s.proposal_id = p.id AND s.year = :statusYear ORDER BY %5$s";
    private static final String COUNT = "SELECT count(*)%s WHERE %s";
    static final String ADOPTION_YEARS = "WITH RECURSIVE y(year) AS (SELECT min(adoption_year) FROM proposal UNION ALL"
            + " SELECT (SELECT min(adoption_year) FROM proposal WHERE adoption_year > y.year) FROM y WHERE y.year IS NOT NULL)"
            + " SELECT year FROM y WHERE year IS NOT NULL ORDER BY year";

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

    /** An SQL statement with its named parameters (the tests explain them: {@code ProposalSearchPlanTest}). */
    record Statement(String sql, Map<String, Object> parameters) {
        Query on(EntityManager em) {
            Query query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /** How many proposals match. */
    public long count(ProposalFilter filter, int statusYear) {
        return ((Number) countStatement(filter, statusYear).on(em).getSingleResult()).longValue();
    }

    /** The matching proposals from {@code offset}, at most {@code limit}, sorted by the column (then by reference). */
    public List<ProposalListRow> page(ProposalFilter filter, int statusYear, ProposalSort column, boolean descending, long offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = pageStatement(filter, statusYear, column, descending, offset, limit).on(em).getResultList();
        List<ProposalListRow> found = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String others = (String) r[5];
            found.add(new ProposalListRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    others == null ? List.of() : List.of(others.split(",")), ProposalKind.valueOf((String) r[6]), (Boolean) r[7],
                    ((Number) r[8]).intValue(), r[9] == null ? null : FollowUpStatus.valueOf((String) r[9])));
        }
        return found;
    }

    static Statement countStatement(ProposalFilter filter, int statusYear) {
        Map<String, Object> parameters = new HashMap<>();
        String from = from(filter, ProposalSort.REFERENCE, statusYear, parameters);
        return new Statement(COUNT.formatted(from, where(filter, parameters)), parameters);
    }

    static Statement pageStatement(ProposalFilter filter, int statusYear, ProposalSort column, boolean descending, long offset,
            int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String from = from(filter, column, statusYear, parameters);
        String where = where(filter, parameters);
        String direction = descending ? " DESC" : " ASC";
        String key = "sort_key" + direction + (column == ProposalSort.STATUS ? " NULLS LAST" : "");
        String tie = column == ProposalSort.REFERENCE ? "" : ".reference" + direction;
        String inner = key + (tie.isEmpty() ? "" : ", p" + tie);
        String outer = "x." + key + (tie.isEmpty() ? "" : ", x" + tie);
        parameters.put("statusYear", statusYear);
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        return new Statement(PAGE.formatted(expression(column), from, where, inner, outer), parameters);
    }

    /** The tables the condition and the sort need: the committee only to sort by it, the snapshot only for its status. */
    private static String from(ProposalFilter filter, ProposalSort column, int statusYear, Map<String, Object> parameters) {
        StringBuilder from = new StringBuilder(" FROM proposal p");
        if (column == ProposalSort.COMMITTEE) {
            from.append(" JOIN administration a ON a.code = p.lead_administration");
        }
        if (column == ProposalSort.STATUS || filter.status() != null) {
            from.append(" LEFT JOIN evaluation_snapshot s ON s.proposal_id = p.id AND s.year = :statusYear");
            parameters.put("statusYear", statusYear);
        }
        return from.toString();
    }

    /**
     * The adoption years of the stored proposals, ascending (the list's year filter offers them): one look into the index
     * on the adoption year per year, not a read of every proposal.
     */
    public List<Integer> adoptionYears() {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery(ADOPTION_YEARS).getResultList();
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
