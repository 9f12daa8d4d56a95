package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helpers that read plans and actuals written in domain words, e.g.
 * {@code "2026 inv=3000000 | 2027 inv=1000000 eff=500000"}. Keys: inv (investment), op (operationFunding),
 * cost (operatingCost), eff (serviceEfficiency), tr (transferEffect), rep (repayment), kpi.CODE (KPI value),
 * ms.CODE (milestone achieved year), why (explanation, one word). A missing key is 0.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static YearlyPlan plan(String spec) {
        List<PlanYear> years = new ArrayList<>();
        for (Map<String, String> row : rows(spec)) {
            years.add(new PlanYear(Integer.parseInt(row.get("year")), amount(row, "inv"), amount(row, "op"),
                    amount(row, "cost"), amount(row, "eff"), amount(row, "tr")));
        }
        return new YearlyPlan(years);
    }

    public static Actuals actuals(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("-")) {
            return Actuals.none();
        }
        List<YearlyActual> result = new ArrayList<>();
        for (Map<String, String> row : rows(spec)) {
            Map<String, BigDecimal> kpis = new HashMap<>();
            Map<String, Integer> milestones = new HashMap<>();
            row.forEach((k, v) -> {
                if (k.startsWith("kpi.")) {
                    kpis.put(k.substring(4), new BigDecimal(v));
                } else if (k.startsWith("ms.")) {
                    milestones.put(k.substring(3), Integer.parseInt(v));
                }
            });
            result.add(new YearlyActual(Integer.parseInt(row.get("year")), amount(row, "inv"), amount(row, "op"),
                    amount(row, "cost"), amount(row, "eff"), amount(row, "tr"), amount(row, "rep"), kpis, milestones,
                    row.get("why")));
        }
        return Actuals.of(result);
    }

    /** An administration-specific investment proposal of BUF with an ECONOMIC target. */
    public static Proposal.Builder investment(String planSpec) {
        return Proposal.builder().reference("BUF-2026-01").title("Digital pladsanvisning")
                .kind(ProposalKind.INVESTMENT).leadAdministration("BUF").plan(plan(planSpec))
                .targets(List.of(new FollowUpTarget.Economic("EFF")));
    }

    /** An administration-specific innovation proposal of SOF with a milestone M1 due in the last plan year. */
    public static Proposal.Builder innovation(String planSpec) {
        YearlyPlan plan = plan(planSpec);
        return Proposal.builder().reference("SOF-2026-02").title("Pilot").kind(ProposalKind.INNOVATION)
                .leadAdministration("SOF").plan(plan).expectedInvestmentProposalYear(plan.permanentYear() + 1)
                .targets(List.of(new FollowUpTarget.Milestone("M1", "Pilot afsluttet", plan.permanentYear())));
    }

    /** An administration-specific pre-analysis of TMF financed by a loan equal to its pool money. */
    public static Proposal.Builder preAnalysis(String planSpec, Map<Integer, Amount> schedule) {
        YearlyPlan plan = plan(planSpec);
        return Proposal.builder().reference("TMF-2026-03").title("Foranalyse").kind(ProposalKind.PRE_ANALYSIS)
                .leadAdministration("TMF").plan(plan)
                .targets(List.of(new FollowUpTarget.Milestone("M1", "Foranalyse afsluttet", plan.permanentYear())))
                .loan(new Loan(plan.totalPoolMoney(), plan.firstYear(), schedule));
    }

    /** Three distinct fagforvaltninger: cross-cutting. */
    public static Set<String> threeAdministrations() {
        return Set.of("BUF", "SOF", "TMF");
    }

    public static Amount kr(long kroner) {
        return Amount.of(kroner);
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static Amount amount(Map<String, String> row, String key) {
        String v = row.get(key);
        return v == null ? Amount.ZERO : Amount.of(v);
    }

    private static List<Map<String, String>> rows(String spec) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String rowSpec : spec.split("\\|")) {
            String[] parts = rowSpec.trim().split("\\s+");
            Map<String, String> row = new HashMap<>();
            row.put("year", parts[0]);
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                row.put(kv[0], kv[1]);
            }
            rows.add(row);
        }
        return rows;
    }
}
