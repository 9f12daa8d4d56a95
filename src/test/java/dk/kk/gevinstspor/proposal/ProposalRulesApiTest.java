package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.create;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Each ERROR finding of DOMAIN.md refuses a proposal over HTTP with its code, and nothing is stored. */
@QuarkusTest
class ProposalRulesApiTest {

    static Stream<Arguments> proposalsBreakingARule() {
        return Stream.of(
                Arguments.of("NO_PERMANENT_EFFICIENCY", "an investment whose permanent gain is nothing (E3)", change(p -> {
                    p.put("plan", List.of(line(2021, 1_000_000, 0, 0, 0, 0), line(2022, 0, 0, 100_000, 100_000, 0)));
                })),
                Arguments.of("NO_FOLLOW_UP_TARGET", "an investment without an economic target", change(p ->
                        p.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "dueYear", 2027)))))),
                Arguments.of("POOL_FUNDS_PERMANENT_OPERATION", "an investment with pool money in the permanent year", change(p ->
                        p.put("plan", List.of(line(2026, 1_000_000, 0, 0, 0, 0), line(2027, 0, 100_000, 0, 800_000, 0))))),
                Arguments.of("BASE_INVESTMENT_OPERATION_OVER_3", "a base investment funding operation four years", change(p -> {
                    p.put("baseInvestment", true);
                    p.put("dependentProposals", List.of("Fremtidig robotisering"));
                    p.put("plan", List.of(line(2026, 1_000_000, 100_000, 0, 0, 0), line(2027, 0, 100_000, 0, 0, 0),
                            line(2028, 0, 100_000, 0, 0, 0), line(2029, 0, 100_000, 0, 500_000, 0), line(2030, 0, 0, 0, 500_000, 0)));
                })),
                Arguments.of("BASE_INVESTMENT_NO_DEPENDENTS", "a base investment naming no dependent proposal", change(p ->
                        p.put("baseInvestment", true))),
                Arguments.of("INNOVATION_OVER_2M", "an innovation proposal of 2.100.000", change(p -> {
                    innovation(p);
                    p.put("plan", List.of(line(2026, 2_100_000, 0, 0, 0, 0)));
                })),
                Arguments.of("PRE_ANALYSIS_OVER_1M", "a pre-analysis of 1.200.000 with a loan of the same", change(p -> {
                    Map<String, Object> pre = Bodies.preAnalysisWithLoan((String) p.get("reference"));
                    p.clear();
                    p.putAll(pre);
                    p.put("plan", List.of(line(2021, 1_200_000, 0, 0, 0, 0)));
                    p.put("loan", map("principal", 1_200_000, "loanYear", 2021, "schedule",
                            List.of(map("year", 2022, "amount", 600_000), map("year", 2023, "amount", 600_000))));
                })),
                Arguments.of("PRE_ANALYSIS_FINANCING", "an administration-specific pre-analysis without a loan", change(p -> {
                    Map<String, Object> pre = Bodies.preAnalysisWithLoan((String) p.get("reference"));
                    p.clear();
                    p.putAll(pre);
                    p.put("loan", null);
                })),
                Arguments.of("LOAN_SCHEDULE_SUM", "repayments summing to less than the principal", change(p -> {
                    Map<String, Object> pre = Bodies.preAnalysisWithLoan((String) p.get("reference"));
                    p.clear();
                    p.putAll(pre);
                    p.put("loan", map("principal", 600_000, "loanYear", 2021, "schedule", List.of(map("year", 2022, "amount", 300_000))));
                })),
                Arguments.of("LOAN_OVER_6_YEARS", "a repayment seven years after the loan", change(p -> {
                    Map<String, Object> pre = Bodies.preAnalysisWithLoan((String) p.get("reference"));
                    p.clear();
                    p.putAll(pre);
                    p.put("loan", map("principal", 600_000, "loanYear", 2021, "schedule",
                            List.of(map("year", 2022, "amount", 300_000), map("year", 2028, "amount", 300_000))));
                })));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("proposalsBreakingARule")
    void a_proposal_breaking_a_rule_is_refused_with_its_code(String code, String description, Consumer<Map<String, Object>> breakIt) {
        String ref = Bodies.reference("KFF");
        Map<String, Object> body = Bodies.investment(ref);
        breakIt.accept(body);
        create(body).statusCode(422).contentType("application/problem+json").body("errors.code", hasItem(code));
        json().get("/api/proposals/{ref}", ref).then().statusCode(404);
    }

    @ParameterizedTest(name = "loan on {0}")
    @MethodSource("kindsWithoutLoans")
    void only_administration_specific_pre_analyses_may_have_a_loan(String kind) {
        Map<String, Object> body = Bodies.investment(Bodies.reference("KFF"));
        body.put("kind", kind);
        body.put("loan", map("principal", 100_000, "loanYear", 2026, "schedule", List.of(map("year", 2027, "amount", 100_000))));
        create(body).statusCode(422).body("errors.code", hasItem("LOAN_NOT_ALLOWED"));
    }

    static Stream<String> kindsWithoutLoans() {
        return Stream.of("INVESTMENT", "INNOVATION");
    }

    @org.junit.jupiter.api.Test
    void frame_exceeded_is_computed_when_read_on_every_proposal_in_the_frame() {
        // Adoption year 2031 at the budget: a frame of 5.000.000 that no other test uses.
        String first = Bodies.reference("KFF");
        Map<String, Object> a = Bodies.investment(first);
        innovation(a);
        a.put("adoptionYear", 2031);
        a.put("plan", List.of(line(2031, 2_000_000, 0, 0, 0, 0)));
        created(a).body("findings.code", not(hasItem("FRAME_EXCEEDED")));
        for (int i = 0; i < 2; i++) {
            Map<String, Object> more = Bodies.investment(Bodies.reference("KFF"));
            innovation(more);
            more.put("adoptionYear", 2031);
            more.put("plan", List.of(line(2031, 2_000_000, 0, 0, 0, 0)));
            created(more);
        }
        json().get("/api/proposals/{ref}", first).then().statusCode(200).body("findings.code", contains("FRAME_EXCEEDED"));
    }

    private static void innovation(Map<String, Object> p) {
        p.put("kind", "INNOVATION");
        p.put("expectedInvestmentProposalYear", 2028);
        p.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "description", "Pilot afsluttet", "dueYear", 2027))));
    }

    private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> c) {
        return c;
    }
}
