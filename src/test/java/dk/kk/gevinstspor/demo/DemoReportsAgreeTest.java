package dk.kk.gevinstspor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The reports agree with the evaluation endpoint for every demo proposal (issue 18): each proposal is in exactly the
 * majbidrag, ØU, IT-kredsen and innovation reports of meeting year 2026 that the rules of DOMAIN.md (with its Edges)
 * put it in, with the status, realisation, spend ratio, fully implemented and loan status of its evaluation for 2025;
 * and each innovation-pool frame holds the pool money of its proposals, a cancelled one's minus its treasury return.
 */
@QuarkusTest
@TestProfile(DemoPagesTest.DemoSchema.class)
class DemoReportsAgreeTest {

    private static final int MEETING_YEAR = 2026;
    private static final int ACCOUNTS_YEAR = MEETING_YEAR - 1;

    private static RequestSpecification api() {
        return Api.as("demo.admin", "demo-admin-2026");
    }

    @Test
    void every_demo_proposal_is_in_the_reports_it_belongs_to_with_the_figures_of_its_evaluation() {
        Map<String, String> committeeOf = new HashMap<>();
        for (Map<String, Object> a : api().get("/api/administrations").jsonPath().<Map<String, Object>>getList("$")) {
            committeeOf.put((String) a.get("code"), (String) a.get("committee"));
        }
        Map<String, Map<String, Object>> reports = new TreeMap<>();
        for (String committee : new java.util.TreeSet<>(committeeOf.values())) {
            reports.put("majbidrag " + committee, rows("/api/reports/majbidrag/" + MEETING_YEAR + "?committee=" + committee));
        }
        reports.put("ØU", rows("/api/reports/finance-committee/" + MEETING_YEAR));
        reports.put("IT-kredsen", rows("/api/reports/it-kreds/" + MEETING_YEAR));
        reports.put("innovation", rows("/api/reports/innovation/" + MEETING_YEAR));

        int rowsChecked = 0;
        for (DemoProposal demo : DemoPortfolio.proposals()) {
            String ref = demo.proposal().reference();
            JsonPath proposal = api().get("/api/proposals/{ref}", ref).then().statusCode(200).extract().jsonPath();
            JsonPath evaluation = api().get("/api/proposals/{ref}/evaluation?year={y}", ref, ACCOUNTS_YEAR).then().statusCode(200)
                    .extract().jsonPath();
            List<String> expected = expectedReports(proposal, evaluation, committeeOf);
            List<String> actual = new ArrayList<>();
            reports.forEach((name, rows) -> {
                if (rows.containsKey(ref)) {
                    actual.add(name);
                }
            });
            assertThat(actual).as("reports of %s", ref).containsExactlyInAnyOrderElementsOf(expected);
            for (String name : actual) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) reports.get(name).get(ref);
                String what = ref + " in " + name;
                assertThat(row.get("status")).as(what + " status").isEqualTo(evaluation.getString("status"));
                assertSame(row.get("realisation"), evaluation.get("realisation.cumulative"), what + " realisation");
                assertSame(row.get("spendRatio"), evaluation.get("spendRatio"), what + " spend ratio");
                assertThat(row.get("fullyImplemented")).as(what + " fully implemented").isEqualTo(evaluation.getBoolean("fullyImplemented"));
                assertThat(row.get("loanStatus")).as(what + " loan").isEqualTo(evaluation.getString("loan.status"));
                assertThat(row.get("cancelled")).as(what + " cancelled").isEqualTo(evaluation.getBoolean("cancelled"));
                rowsChecked++;
            }
        }
        assertThat(rowsChecked).isGreaterThan(DemoPortfolio.proposals().size() / 2);
    }

    @Test
    void every_frame_holds_the_money_its_proposals_used() {
        Map<Integer, Map<String, BigDecimal>> expected = new TreeMap<>();
        for (DemoProposal demo : DemoPortfolio.proposals()) {
            JsonPath p = api().get("/api/proposals/{ref}", demo.proposal().reference()).then().statusCode(200).extract().jsonPath();
            String kind = p.getString("kind");
            if (kind.equals("INVESTMENT")) {
                continue;
            }
            BigDecimal money = BigDecimal.ZERO;
            for (Map<String, Object> line : p.<Map<String, Object>>getList("plan")) {
                money = money.add(new BigDecimal(line.get("investment").toString()))
                        .add(new BigDecimal(line.get("operationFunding").toString()));
            }
            if (p.get("cancellation") != null) {
                money = money.subtract(new BigDecimal(p.getString("cancellation.treasuryReturn")));
            }
            Map<String, BigDecimal> frames = expected.computeIfAbsent(p.getInt("adoptionYear"), y -> new HashMap<>());
            List<String> in = new ArrayList<>(List.of(p.getString("adoptionRound"), "TOTAL"));
            if (kind.equals("PRE_ANALYSIS")) {
                in.add(p.getBoolean("crossCutting") ? "PRE_ANALYSIS_CROSS_CUTTING" : "PRE_ANALYSIS_ADMINISTRATION");
            }
            for (String frame : in) {
                frames.merge(frame, money, BigDecimal::add);
            }
        }
        assertThat(expected).isNotEmpty();
        expected.forEach((year, frames) -> {
            JsonPath report = api().get("/api/reports/innovation-frames/{year}", year).then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> f : report.<Map<String, Object>>getList("frames")) {
                BigDecimal want = frames.getOrDefault((String) f.get("frame"), BigDecimal.ZERO);
                assertThat(new BigDecimal(f.get("allocated").toString())).as("%s %s", year, f.get("frame")).isEqualByComparingTo(want);
            }
        });
    }

    /** DOMAIN.md "Reports and who receives them" with Edges 1 and 5, from what the API says of the proposal. */
    private static List<String> expectedReports(JsonPath p, JsonPath evaluation, Map<String, String> committeeOf) {
        int firstYear = p.getInt("plan[0].year");
        Integer fullyImplementedYear = evaluation.get("fullyImplementedYear");
        Integer cancelledIn = p.get("cancellation") == null ? null : p.getInt("cancellation.effectiveYear");
        boolean followedUp = firstYear <= ACCOUNTS_YEAR
                && (fullyImplementedYear == null || fullyImplementedYear >= ACCOUNTS_YEAR)
                && (cancelledIn == null || cancelledIn >= ACCOUNTS_YEAR);
        List<String> reports = new ArrayList<>();
        if (!followedUp) {
            return reports;
        }
        String kind = p.getString("kind");
        boolean pool = !kind.equals("INVESTMENT");
        if (!p.getBoolean("crossCutting")) {
            reports.add("majbidrag " + committeeOf.get(p.getString("leadAdministration")));
        } else if (!pool) {
            reports.add("ØU");
        }
        if (pool && p.getBoolean("digital")) {
            reports.add("IT-kredsen");
        }
        if (pool) {
            reports.add("innovation");
        }
        return reports;
    }

    private static Map<String, Object> rows(String path) {
        JsonPath report = api().get(path).then().statusCode(200).extract().jsonPath();
        Map<String, Object> byReference = new HashMap<>();
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            byReference.put((String) row.get("reference"), row);
        }
        return byReference;
    }

    private static void assertSame(Object reported, Object evaluated, String what) {
        if (reported == null || evaluated == null) {
            assertThat(reported).as(what).isEqualTo(evaluated);
        } else {
            assertThat(new BigDecimal(reported.toString())).as(what).isEqualByComparingTo(new BigDecimal(evaluated.toString()));
        }
        Objects.requireNonNull(what);
    }
}
