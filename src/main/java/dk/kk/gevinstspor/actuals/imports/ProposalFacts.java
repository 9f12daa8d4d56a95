package dk.kk.gevinstspor.actuals.imports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.YearlyPlan;

/**
 * What an import needs to know of the proposals its rows name, read with one query per batch of references
 * and kept in a bounded cache: the domain proposal (current plan, milestone and KPI targets, whether it has a
 * loan, flags) and the administrations taking part. The loan's schedule is not read: checking actuals only
 * asks whether there is a loan.
 */
final class ProposalFacts {

    record Fact(long id, Proposal proposal, Set<String> administrations) {
    }

    private static final String QUERY = "SELECT p.id, p.reference, p.kind, p.lead_administration, p.adoption_round, p.adoption_year,"
            + " p.price_level_year, p.transfers_effect,"
            + " (SELECT array_agg(a.administration_code) FROM proposal_administration a WHERE a.proposal_id = p.id),"
            + " (SELECT json_agg(json_build_array(l.year, l.investment, l.operation_funding, l.operating_cost, l.service_efficiency,"
            + " l.transfer_effect) ORDER BY l.year) FROM plan_line l WHERE l.plan_version_id = (SELECT v.id FROM plan_version v"
            + " WHERE v.proposal_id = p.id ORDER BY v.number DESC LIMIT 1)),"
            + " (SELECT json_agg(json_build_array(t.code, t.type, t.due_year, t.direction)) FROM follow_up_target t"
            + " WHERE t.proposal_id = p.id AND t.type <> 'ECONOMIC'),"
            + " (SELECT json_build_array(lo.principal, lo.loan_year) FROM loan lo WHERE lo.proposal_id = p.id)"
            + " FROM proposal p WHERE p.reference = ANY (?)";

    private final Connection connection;
    private final ObjectMapper json;
    private final Map<String, Fact> cache;
    private final Set<String> unknown = new LinkedHashSet<>();

    ProposalFacts(Connection connection, ObjectMapper json, int capacity) {
        this.connection = connection;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Fact> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Loads the references not yet known. */
    void load(List<String> references) throws SQLException {
        Set<String> missing = new LinkedHashSet<>();
        for (String r : references) {
            if (!cache.containsKey(r) && !unknown.contains(r)) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (unknown.size() > 100_000) {
            unknown.clear();
        }
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setArray(1, connection.createArrayOf("varchar", missing.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Fact fact = fact(rs);
                    cache.put(fact.proposal().reference(), fact);
                    missing.remove(fact.proposal().reference());
                }
            }
        }
        unknown.addAll(missing);
    }

    /** The proposal with this reference, or null when there is none. */
    Fact get(String reference) {
        return cache.get(reference);
    }

    private Fact fact(ResultSet rs) throws SQLException {
        try {
            Array admins = rs.getArray(9);
            Set<String> administrations = new LinkedHashSet<>();
            if (admins != null) {
                for (Object o : (Object[]) admins.getArray()) {
                    administrations.add((String) o);
                }
            }
            List<PlanYear> plan = new ArrayList<>();
            for (JsonNode l : json.readTree(rs.getString(10))) {
                plan.add(new PlanYear(l.get(0).asInt(), amount(l.get(1)), amount(l.get(2)), amount(l.get(3)), amount(l.get(4)),
                        amount(l.get(5))));
            }
            List<FollowUpTarget> targets = new ArrayList<>();
            String targetJson = rs.getString(11);
            if (targetJson != null) {
                for (JsonNode t : json.readTree(targetJson)) {
                    String code = t.get(0).asText();
                    if ("MILESTONE".equals(t.get(1).asText())) {
                        targets.add(new FollowUpTarget.Milestone(code, null, t.get(2).asInt()));
                    } else {
                        targets.add(new FollowUpTarget.Kpi(code, null, null, Direction.valueOf(t.get(3).asText()), Map.of()));
                    }
                }
            }
            String loanJson = rs.getString(12);
            Loan loan = null;
            if (loanJson != null) {
                JsonNode l = json.readTree(loanJson);
                loan = new Loan(amount(l.get(0)), l.get(1).asInt(), Map.of());
            }
            Proposal proposal = Proposal.builder().reference(rs.getString(2)).kind(ProposalKind.valueOf(rs.getString(3)))
                    .leadAdministration(rs.getString(4)).administrations(administrations)
                    .adoptionRound(AdoptionRound.valueOf(rs.getString(5))).adoptionYear(rs.getInt(6)).priceLevelYear(rs.getInt(7))
                    .transfersEffect(rs.getBoolean(8)).plan(new YearlyPlan(plan)).targets(targets).loan(loan).build();
            return new Fact(rs.getLong(1), proposal, administrations);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("Unreadable proposal data: " + e.getMessage(), e);
        }
    }

    private static Amount amount(JsonNode node) {
        return Amount.of(new BigDecimal(node.asText()));
    }
}
