package dk.kk.gevinstspor.portfolio;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Assessment;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Cancellation;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.PriorityClass;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.domain.YearlyPlan;

/**
 * The one mapping from stored rows to the domain: reads proposals and their actuals in a fixed number of SQL statements
 * (two, read as streams) however many proposals match, each proposal with its current plan, targets, loan, assessments
 * and administrations aggregated as JSON in one row, the actuals with their KPI values and milestones likewise. Which
 * proposals is a {@link Selection}'s SQL; decimals are normalised by the domain's records (KPI targets and values,
 * {@code Decimals.plain}; money, {@code Amount}).
 */
final class ProposalRows {

    /** The proposals a condition selects, one row each (package-private: bench/lib/report-plan.sql repeats it). */
    static final String PROPOSALS = "SELECT p.id, p.reference, p.title, p.kind, p.lead_administration, p.adoption_round,"
            + " p.adoption_year, p.price_level_year, p.priority_class, p.digital, p.base_investment, p.transfers_effect,"
            + " p.employer_area_effect, p.premises_change, p.new_it_system, p.other_administrations_potential,"
            + " p.expected_investment_proposal_year, p.status, p.cancellation_effective_year,"
            + " (SELECT json_agg(json_build_array(a.administration_code, r.sector)) FROM proposal_administration a"
            + "   JOIN administration r ON r.code = a.administration_code WHERE a.proposal_id = p.id)::text,"
            + " (SELECT json_agg(d.name ORDER BY d.position) FROM proposal_dependent d WHERE d.proposal_id = p.id)::text,"
            + " (SELECT json_agg(json_build_array(s.type, s.assessed_on, s.reference, s.follow_up_on_effects) ORDER BY s.type)"
            + "   FROM assessment s WHERE s.proposal_id = p.id)::text,"
            + " (SELECT json_agg(json_build_array(l.year, l.investment, l.operation_funding, l.operating_cost, l.service_efficiency,"
            + "   l.transfer_effect) ORDER BY l.year) FROM plan_line l WHERE l.plan_version_id = (SELECT v.id FROM plan_version v"
            + "   WHERE v.proposal_id = p.id ORDER BY v.number DESC LIMIT 1))::text,"
            + " (SELECT json_agg(json_build_array(t.code, t.type, t.description, t.unit, t.direction, t.due_year,"
            + "   (SELECT json_object_agg(k.year, k.target) FROM kpi_yearly_target k WHERE k.target_id = t.id)) ORDER BY t.position)"
            + "   FROM follow_up_target t WHERE t.proposal_id = p.id)::text,"
            + " (SELECT json_build_array(lo.principal, lo.loan_year, (SELECT json_object_agg(r.year, r.amount) FROM loan_repayment r"
            + "   WHERE r.proposal_id = lo.proposal_id)) FROM loan lo WHERE lo.proposal_id = p.id)::text"
            + " FROM proposal p WHERE %s ORDER BY p.id";

    /** The actuals of the proposals a condition selects, in proposal order. */
    static final String ACTUALS = "SELECT a.proposal_id, a.year, a.investment, a.operation_funding, a.operating_cost,"
            + " a.service_efficiency, a.transfer_effect, a.repayment, a.explanation,"
            + " (SELECT json_object_agg(k.code, k.value) FROM actual_kpi k WHERE k.actual_id = a.id)::text,"
            + " (SELECT json_object_agg(m.code, m.achieved_year) FROM actual_milestone m WHERE m.actual_id = a.id)::text"
            + " FROM actual a WHERE a.proposal_id IN (SELECT p.id FROM proposal p WHERE %s) ORDER BY a.proposal_id, a.year";

    /** How many change decisions await approval, per proposal a condition selects that has any. */
    static final String PENDING = "SELECT d.proposal_id, count(*) FROM change_decision d WHERE d.status = 'PENDING'"
            + " AND d.proposal_id IN (SELECT p.id FROM proposal p WHERE %s) GROUP BY d.proposal_id";

    /** A named parameter of a condition ({@code :references}); not the second colon of a cast ({@code ::text}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    /** Rows fetched at a time: memory holds one proposal's data, not the portfolio's. */
    private static final int FETCH = 500;

    private final EntityManager em;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    ProposalRows(EntityManager em) {
        this.em = em;
    }

    /**
     * Each proposal the condition selects, in id order, with its actuals (or none, when {@code withActuals} is false);
     * both statements are read as streams side by side, so memory holds one proposal at a time. The condition is a
     * {@link Selection}'s text, never user input; values go in as parameters.
     */
    void each(Selection.Where where, boolean withActuals, Consumer<Stored> each) {
        each(where, withActuals, each, null);
    }

    /**
     * As {@link #each(Selection.Where, boolean, Consumer)}, but a proposal the domain refuses to build from its rows
     * goes to {@code unreadable} (when not null; else its exception propagates) and the others are read on.
     */
    void each(Selection.Where where, boolean withActuals, Consumer<Stored> each, Consumer<Unreadable> unreadable) {
        try (Rows proposals = query(PROPOSALS, where); Rows actuals = withActuals ? query(ACTUALS, where) : null) {
            Object[] pendingActual = actuals == null ? null : actuals.next();
            for (Object[] r = proposals.next(); r != null; r = proposals.next()) {
                long id = ((Number) r[0]).longValue();
                List<Object[]> rows = new ArrayList<>();
                while (pendingActual != null && ((Number) pendingActual[0]).longValue() <= id) {
                    if (((Number) pendingActual[0]).longValue() == id) {
                        rows.add(pendingActual);
                    }
                    pendingActual = actuals.next();
                }
                stored(r, rows, each, unreadable);
            }
        }
    }

    /**
     * One of the statements above with the condition filled in, executed on the session's connection (its transaction)
     * through Hibernate's statement preparer, so it is logged and counted like any other statement; its rows are read
     * as plain JDBC values ({@code getObject}: Long, Integer, BigDecimal, Boolean, String), without a result mapping
     * built per execution.
     */
    private Rows query(String statement, Selection.Where where) {
        List<Object> values = new ArrayList<>();
        Matcher named = PARAMETER.matcher(where.condition());
        StringBuilder condition = new StringBuilder();
        while (named.find()) {
            Object value = where.parameters().get(named.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for :" + named.group(1) + " in " + where.condition());
            }
            List<?> each = value instanceof Collection<?> c ? List.copyOf(c) : List.of(value);
            values.addAll(each);
            named.appendReplacement(condition, each.isEmpty() ? "NULL" : String.join(", ", Collections.nCopies(each.size(), "?")));
        }
        named.appendTail(condition);
        String sql = statement.formatted(condition);
        JdbcCoordinator jdbc = em.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator();
        Rows rows = new Rows(jdbc, jdbc.getStatementPreparer().prepareQueryStatement(sql, false, null));
        try {
            rows.statement.setFetchSize(FETCH);
            for (int i = 0; i < values.size(); i++) {
                rows.statement.setObject(i + 1, values.get(i));
            }
            rows.results = jdbc.getResultSetReturn().extract(rows.statement, sql);
            return rows;
        } catch (SQLException e) {
            rows.close();
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** An open statement's rows, read one at a time as arrays of their columns' JDBC values; closing releases it. */
    private static final class Rows implements AutoCloseable {

        private final JdbcCoordinator jdbc;
        private final PreparedStatement statement;
        private ResultSet results;

        Rows(JdbcCoordinator jdbc, PreparedStatement statement) {
            this.jdbc = jdbc;
            this.statement = statement;
        }

        Object[] next() {
            try {
                if (!results.next()) {
                    return null;
                }
                Object[] row = new Object[results.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = results.getObject(i + 1);
                }
                return row;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        /** Closes the statement with its result set (Hibernate's registry), and lets the connection go if it may. */
        @Override
        public void close() {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * Maps a proposal's row with its actuals' rows and hands it on. The mapping reads nothing from the database, so any
     * exception of it is about this proposal's stored data: with {@code unreadable}, it is handed there instead.
     */
    private void stored(Object[] r, List<Object[]> actualRows, Consumer<Stored> each, Consumer<Unreadable> unreadable) {
        long id = ((Number) r[0]).longValue();
        Stored stored;
        try {
            stored = new Stored(id, proposal(r), actualRows.isEmpty() ? Actuals.none() : Actuals.of(actualRows.stream().map(this::actual).toList()));
        } catch (RuntimeException e) {
            if (unreadable == null) {
                throw e;
            }
            unreadable.accept(new Unreadable(id, (String) r[1], (String) r[2], e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        each.accept(stored);
    }

    /** How many change decisions await approval, per selected proposal that has any (one statement). */
    Map<Long, Long> pendingDecisions(Selection.Where where) {
        Map<Long, Long> counts = new HashMap<>();
        try (Rows rows = query(PENDING, where)) {
            for (Object[] r = rows.next(); r != null; r = rows.next()) {
                counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return counts;
    }

    private Proposal proposal(Object[] r) {
        try {
            Set<String> administrations = new LinkedHashSet<>();
            Set<String> sectors = new LinkedHashSet<>();
            tree(r[19]).forEach(n -> {
                administrations.add(n.get(0).asText());
                if (n.get(1).asBoolean()) {
                    sectors.add(n.get(0).asText());
                }
            });
            List<String> dependents = new ArrayList<>();
            tree(r[20]).forEach(n -> dependents.add(n.asText()));
            List<Assessment> assessments = new ArrayList<>();
            for (JsonNode a : tree(r[21])) {
                assessments.add(new Assessment(AssessmentType.valueOf(a.get(0).asText()),
                        a.get(1).isNull() ? null : LocalDate.parse(a.get(1).asText()), a.get(2).isNull() ? null : a.get(2).asText(),
                        a.get(3).asBoolean(true)));
            }
            List<PlanYear> plan = new ArrayList<>();
            for (JsonNode l : tree(r[22])) {
                plan.add(new PlanYear(l.get(0).asInt(), amount(l.get(1)), amount(l.get(2)), amount(l.get(3)), amount(l.get(4)),
                        amount(l.get(5))));
            }
            List<FollowUpTarget> targets = new ArrayList<>();
            for (JsonNode t : tree(r[23])) {
                String code = t.get(0).asText();
                String description = t.get(2).isNull() ? null : t.get(2).asText();
                switch (t.get(1).asText()) {
                    case "ECONOMIC" -> targets.add(new FollowUpTarget.Economic(code));
                    case "MILESTONE" -> targets.add(new FollowUpTarget.Milestone(code, description, t.get(5).asInt()));
                    default -> {
                        Map<Integer, BigDecimal> yearly = new TreeMap<>();
                        t.get(6).fields().forEachRemaining(e -> yearly.put(Integer.parseInt(e.getKey()), e.getValue().decimalValue()));
                        targets.add(new FollowUpTarget.Kpi(code, description, t.get(3).isNull() ? null : t.get(3).asText(),
                                Direction.valueOf(t.get(4).asText()), yearly));
                    }
                }
            }
            Loan loan = null;
            if (r[24] != null) {
                JsonNode l = json.readTree((String) r[24]);
                Map<Integer, Amount> schedule = new TreeMap<>();
                l.get(2).fields().forEachRemaining(e -> schedule.put(Integer.parseInt(e.getKey()), amount(e.getValue())));
                loan = new Loan(amount(l.get(0)), l.get(1).asInt(), schedule);
            }
            boolean cancelled = "CANCELLED".equals(r[17]) && r[18] != null;
            return Proposal.builder().reference((String) r[1]).title((String) r[2]).kind(ProposalKind.valueOf((String) r[3]))
                    .leadAdministration((String) r[4]).administrations(administrations)
                    .adoptionRound(AdoptionRound.valueOf((String) r[5])).adoptionYear(((Number) r[6]).intValue())
                    .priceLevelYear(((Number) r[7]).intValue())
                    .priorityClass(r[8] == null ? null : PriorityClass.of(((Number) r[8]).intValue()))
                    .digital((Boolean) r[9]).baseInvestment((Boolean) r[10]).dependentProposals(dependents)
                    .transfersEffect((Boolean) r[11]).employerAreaEffect((Boolean) r[12]).premisesChange((Boolean) r[13])
                    .newItSystem((Boolean) r[14]).otherAdministrationsPotential((Boolean) r[15])
                    .expectedInvestmentProposalYear(r[16] == null ? null : ((Number) r[16]).intValue())
                    .assessments(assessments).plan(new YearlyPlan(plan)).targets(targets).loan(loan)
                    .cancellation(cancelled ? new Cancellation(((Number) r[18]).intValue()) : null)
                    .sectors(sectors)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable proposal " + r[1] + ": " + e.getMessage(), e);
        }
    }

    private YearlyActual actual(Object[] r) {
        try {
            Map<String, BigDecimal> kpis = new TreeMap<>();
            if (r[9] != null) {
                json.readTree((String) r[9]).fields().forEachRemaining(e -> kpis.put(e.getKey(), e.getValue().decimalValue()));
            }
            Map<String, Integer> milestones = new TreeMap<>();
            if (r[10] != null) {
                json.readTree((String) r[10]).fields().forEachRemaining(e -> milestones.put(e.getKey(), e.getValue().asInt()));
            }
            return new YearlyActual(((Number) r[1]).intValue(), amount(r[2]), amount(r[3]), amount(r[4]), amount(r[5]), amount(r[6]),
                    amount(r[7]), kpis, milestones, (String) r[8]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable actuals: " + e.getMessage(), e);
        }
    }

    private JsonNode tree(Object text) throws JsonProcessingException {
        return text == null ? json.createArrayNode() : json.readTree((String) text);
    }

    private static Amount amount(Object value) {
        return Amount.of((BigDecimal) value);
    }

    private static Amount amount(JsonNode node) {
        return Amount.of(new BigDecimal(node.asText()));
    }
}
