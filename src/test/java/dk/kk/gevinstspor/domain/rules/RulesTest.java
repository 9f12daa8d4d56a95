package dk.kk.gevinstspor.domain.rules;

import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.Assessment;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Cancellation;
import dk.kk.gevinstspor.domain.Fixtures;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.FrameLimits;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesTest {

    private static final String GOOD_PLAN = "2026 inv=1000000 | 2027 eff=500000";

    private static Proposal.Builder good() {
        return Fixtures.investment(GOOD_PLAN);
    }

    private static Proposal.Builder base(String plan) {
        return Fixtures.investment(plan).baseInvestment(true).dependentProposals(List.of("Fremtidigt forslag om robotter"));
    }

    private static Assessment assessment(AssessmentType type) {
        return Assessment.of(type, LocalDate.of(2025, 9, 1), "REF-1");
    }

    private static Proposal.Builder crossCuttingPreAnalysis(long money) {
        return Fixtures.preAnalysis("2026 inv=" + money, Map.of()).loan(null)
                .administrations(Fixtures.threeAdministrations()).expectedInvestmentProposalYear(2028);
    }

    private static Proposal withLoan(Map<Integer, Long> schedule) {
        Map<Integer, dk.kk.gevinstspor.domain.Amount> amounts = new java.util.HashMap<>();
        schedule.forEach((y, a) -> amounts.put(y, kr(a)));
        return Fixtures.preAnalysis("2026 inv=600000", amounts).build();
    }

    private static RuleContext inFrames(Proposal proposal, List<Proposal> others) {
        Stream<Proposal> all = Stream.concat(Stream.of(proposal), others.stream());
        FrameReport frames = InnovationFrames.allocate(proposal.adoptionYear(), FrameLimits.defaults(), all.toList(), p -> Actuals.none());
        return RuleContext.of(proposal, frames);
    }

    private static Proposal innovation(String reference, long money) {
        return Fixtures.innovation("2026 inv=" + money).reference(reference).adoptionRound(AdoptionRound.BUDGET).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("payback 11 years needs ØU's separate prioritisation", good().plan(Fixtures.plan("2026 inv=1000000 | 2027 eff=100000")).build(), FindingCode.PAYBACK_OVER_6, 1),
                arguments("payback never fails the six-year test", good().plan(Fixtures.plan("2026 inv=1000000 | 2027 eff=100000 cost=100000")).build(), FindingCode.PAYBACK_OVER_6, 1),
                arguments("payback of exactly 6 years passes", good().plan(Fixtures.plan("2026 inv=500000 | 2027 eff=100000")).build(), FindingCode.PAYBACK_OVER_6, 0),
                arguments("payback 6,04 (shown 6,0) fails on the unrounded value", good().plan(Fixtures.plan("2026 inv=504000 | 2027 eff=100000")).build(), FindingCode.PAYBACK_OVER_6, 1),
                arguments("payback 3 years passes", good().build(), FindingCode.PAYBACK_OVER_6, 0),
                arguments("transfers proposal judged on the total economy passes", good().plan(Fixtures.plan("2026 inv=1000000 | 2027 eff=100000 tr=400000")).transfersEffect(true).build(), FindingCode.PAYBACK_OVER_6, 0),
                arguments("transfers losses make the total economy fail", good().plan(Fixtures.plan("2026 inv=1000000 | 2027 eff=500000 tr=-420000")).transfersEffect(true).build(), FindingCode.PAYBACK_OVER_6, 1),
                arguments("base investment is exempt from the six-year test", base("2026 inv=1000000 | 2027 eff=100000").build(), FindingCode.PAYBACK_OVER_6, 0),
                arguments("innovation proposal is exempt from the six-year test", innovation("I", 1_000_000), FindingCode.PAYBACK_OVER_6, 0),

                arguments("E3 no permanent efficiency is refused", good().plan(Fixtures.plan("2021 inv=1000000 | 2022 eff=100000 cost=100000")).build(), FindingCode.NO_PERMANENT_EFFICIENCY, 1),
                arguments("permanent efficiency passes", good().build(), FindingCode.NO_PERMANENT_EFFICIENCY, 0),
                arguments("transfers effect counts as permanent gain with the flag", good().plan(Fixtures.plan("2026 inv=100000 | 2027 tr=100000")).transfersEffect(true).build(), FindingCode.NO_PERMANENT_EFFICIENCY, 0),
                arguments("base investment without permanent efficiency passes", base("2026 inv=1000000 | 2027").build(), FindingCode.NO_PERMANENT_EFFICIENCY, 0),
                arguments("innovation proposal without efficiency passes", innovation("I", 1_000_000), FindingCode.NO_PERMANENT_EFFICIENCY, 0),

                arguments("investment proposal without an economic target", good().targets(List.of(new FollowUpTarget.Milestone("M1", "x", 2026))).build(), FindingCode.NO_FOLLOW_UP_TARGET, 1),
                arguments("investment proposal with an economic target", good().build(), FindingCode.NO_FOLLOW_UP_TARGET, 0),
                arguments("innovation proposal without a milestone", Fixtures.innovation("2026 inv=100000").targets(List.of(new FollowUpTarget.Economic("EFF"))).build(), FindingCode.NO_FOLLOW_UP_TARGET, 1),
                arguments("pre-analysis without a milestone", Fixtures.preAnalysis("2026 inv=100000", Map.of(2027, kr(100_000))).targets(List.of()).build(), FindingCode.NO_FOLLOW_UP_TARGET, 1),
                arguments("innovation proposal with a milestone", innovation("I", 100_000), FindingCode.NO_FOLLOW_UP_TARGET, 0),

                arguments("pool pays operation in the permanent year", good().plan(Fixtures.plan("2026 inv=1000000 | 2027 op=100000 eff=600000")).build(), FindingCode.POOL_FUNDS_PERMANENT_OPERATION, 1),
                arguments("pool pays operation only before P", good().plan(Fixtures.plan("2026 inv=1000000 op=100000 | 2027 eff=600000")).build(), FindingCode.POOL_FUNDS_PERMANENT_OPERATION, 0),
                arguments("innovation pool money in the last year is not permanent operation", innovation("I", 100_000), FindingCode.POOL_FUNDS_PERMANENT_OPERATION, 0),

                arguments("base investment with operation funded 4 years", base("2026 inv=1000000 op=1 | 2027 op=1 | 2028 op=1 | 2029 op=1 | 2030").build(), FindingCode.BASE_INVESTMENT_OPERATION_OVER_3, 1),
                arguments("base investment with operation funded 3 years", base("2026 inv=1000000 op=1 | 2027 op=1 | 2028 op=1 | 2029").build(), FindingCode.BASE_INVESTMENT_OPERATION_OVER_3, 0),
                arguments("ordinary proposal with operation funded 4 years is not a base investment", good().plan(Fixtures.plan("2026 inv=1000000 op=1 | 2027 op=1 | 2028 op=1 | 2029 op=1 eff=500000 | 2030 eff=500000")).build(), FindingCode.BASE_INVESTMENT_OPERATION_OVER_3, 0),

                arguments("base investment naming no dependent proposals", base(GOOD_PLAN).dependentProposals(List.of()).build(), FindingCode.BASE_INVESTMENT_NO_DEPENDENTS, 1),
                arguments("base investment naming only blanks", base(GOOD_PLAN).dependentProposals(List.of(" ", "")).build(), FindingCode.BASE_INVESTMENT_NO_DEPENDENTS, 1),
                arguments("base investment naming its dependent proposals", base(GOOD_PLAN).build(), FindingCode.BASE_INVESTMENT_NO_DEPENDENTS, 0),
                arguments("ordinary proposal needs no dependent proposals", good().build(), FindingCode.BASE_INVESTMENT_NO_DEPENDENTS, 0),

                arguments("transfers proposal without the analysis unit", good().transfersEffect(true).build(), FindingCode.TRANSFERS_NEEDS_ANALYSIS, 1),
                arguments("transfers proposal assessed by the analysis unit", good().transfersEffect(true).assessments(List.of(assessment(AssessmentType.ANALYSIS_UNIT))).build(), FindingCode.TRANSFERS_NEEDS_ANALYSIS, 0),
                arguments("proposal without effect on transfers", good().build(), FindingCode.TRANSFERS_NEEDS_ANALYSIS, 0),
                arguments("innovation proposal with effect on transfers", Fixtures.innovation("2026 inv=100000").transfersEffect(true).build(), FindingCode.TRANSFERS_NEEDS_ANALYSIS, 0),

                arguments("innovation proposal of 2.000.001", innovation("I", 2_000_001), FindingCode.INNOVATION_OVER_2M, 1),
                arguments("innovation proposal of 2.000.000", innovation("I", 2_000_000), FindingCode.INNOVATION_OVER_2M, 0),
                arguments("investment proposal of 3.000.000", good().plan(Fixtures.plan("2026 inv=3000000 | 2027 eff=1000000")).build(), FindingCode.INNOVATION_OVER_2M, 0),

                arguments("pre-analysis of 1.000.001", Fixtures.preAnalysis("2026 inv=1000001", Map.of(2027, kr(1_000_001))).build(), FindingCode.PRE_ANALYSIS_OVER_1M, 1),
                arguments("pre-analysis of 1.000.000", Fixtures.preAnalysis("2026 inv=1000000", Map.of(2027, kr(1_000_000))).build(), FindingCode.PRE_ANALYSIS_OVER_1M, 0),
                arguments("innovation proposal of 1.500.000", innovation("I", 1_500_000), FindingCode.PRE_ANALYSIS_OVER_1M, 0),

                arguments("administration pre-analysis without a loan", Fixtures.preAnalysis("2026 inv=600000", Map.of()).loan(null).build(), FindingCode.PRE_ANALYSIS_FINANCING, 1),
                arguments("administration pre-analysis with a loan below its pool money", Fixtures.preAnalysis("2026 inv=600000", Map.of()).loan(new Loan(kr(500_000), 2026, Map.of(2027, kr(500_000)))).build(), FindingCode.PRE_ANALYSIS_FINANCING, 1),
                arguments("administration pre-analysis with a loan equal to its pool money", withLoan(Map.of(2027, 600_000L)), FindingCode.PRE_ANALYSIS_FINANCING, 0),
                arguments("cross-cutting pre-analysis with a loan", crossCuttingPreAnalysis(600_000).loan(new Loan(kr(600_000), 2026, Map.of(2027, kr(600_000)))).build(), FindingCode.PRE_ANALYSIS_FINANCING, 1),
                arguments("cross-cutting pre-analysis as a grant", crossCuttingPreAnalysis(600_000).build(), FindingCode.PRE_ANALYSIS_FINANCING, 0),
                arguments("investment proposal with a loan", good().loan(new Loan(kr(1), 2026, Map.of(2027, kr(1)))).build(), FindingCode.PRE_ANALYSIS_FINANCING, 1),
                arguments("investment proposal without a loan", good().build(), FindingCode.PRE_ANALYSIS_FINANCING, 0),

                arguments("innovation proposal without expected investment year", Fixtures.innovation("2026 inv=100000").expectedInvestmentProposalYear(null).build(), FindingCode.INNOVATION_NO_INVESTMENT_DATE, 1),
                arguments("cross-cutting pre-analysis without expected investment year", crossCuttingPreAnalysis(600_000).expectedInvestmentProposalYear(null).build(), FindingCode.INNOVATION_NO_INVESTMENT_DATE, 1),
                arguments("innovation proposal with expected investment year", innovation("I", 100_000), FindingCode.INNOVATION_NO_INVESTMENT_DATE, 0),
                arguments("administration pre-analysis needs no expected investment year", withLoan(Map.of(2027, 600_000L)), FindingCode.INNOVATION_NO_INVESTMENT_DATE, 0),
                arguments("investment proposal needs no expected investment year", good().build(), FindingCode.INNOVATION_NO_INVESTMENT_DATE, 0),

                arguments("repayments sum below the principal", withLoan(Map.of(2027, 300_000L, 2028, 200_000L)), FindingCode.LOAN_SCHEDULE_SUM, 1),
                arguments("repayments sum above the principal", withLoan(Map.of(2027, 300_000L, 2028, 400_000L)), FindingCode.LOAN_SCHEDULE_SUM, 1),
                arguments("repayments sum to the principal", withLoan(Map.of(2027, 300_000L, 2028, 300_000L)), FindingCode.LOAN_SCHEDULE_SUM, 0),
                arguments("no loan, no schedule", good().build(), FindingCode.LOAN_SCHEDULE_SUM, 0),

                arguments("repayment in loan year + 7", withLoan(Map.of(2027, 300_000L, 2033, 300_000L)), FindingCode.LOAN_OVER_6_YEARS, 1),
                arguments("repayment before the loan year", withLoan(Map.of(2025, 300_000L, 2027, 300_000L)), FindingCode.LOAN_OVER_6_YEARS, 1),
                arguments("repayments within loan year .. loan year + 6", withLoan(Map.of(2026, 300_000L, 2032, 300_000L)), FindingCode.LOAN_OVER_6_YEARS, 0),
                arguments("no loan, no window", good().build(), FindingCode.LOAN_OVER_6_YEARS, 0),

                arguments("all four assessments missing", good().employerAreaEffect(true).premisesChange(true).newItSystem(true).digital(true).build(), FindingCode.ASSESSMENT_MISSING, 4),
                arguments("all four assessments recorded", good().employerAreaEffect(true).premisesChange(true).newItSystem(true).otherAdministrationsPotential(true)
                        .assessments(Arrays.stream(AssessmentType.values()).map(RulesTest::assessment).toList()).build(), FindingCode.ASSESSMENT_MISSING, 0),
                arguments("potential for other administrations needs Økonomikredsen", good().otherAdministrationsPotential(true).build(), FindingCode.ASSESSMENT_MISSING, 1),
                arguments("innovation proposal with a new IT system needs Koncern IT", Fixtures.innovation("2026 inv=100000").newItSystem(true).build(), FindingCode.ASSESSMENT_MISSING, 1),
                arguments("innovation proposal that is digital with employer-area effect and changed m²", Fixtures.innovation("2026 inv=100000").digital(true).employerAreaEffect(true).premisesChange(true).build(), FindingCode.ASSESSMENT_MISSING, 0),
                arguments("investment proposal without triggers", good().build(), FindingCode.ASSESSMENT_MISSING, 0)
        );
    }

    @ParameterizedTest(name = "{0}: {2} x {3}")
    @MethodSource("cases")
    void each_rule_fires_exactly_when_it_should(String example, Proposal proposal, FindingCode code, int expected) {
        List<Finding> findings = Rules.check(RuleContext.of(proposal)).stream().filter(f -> f.code() == code).toList();

        assertThat(findings).hasSize(expected);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(code.severity());
            assertThat(f.message()).isNotBlank();
        });
    }

    static Stream<Arguments> frameCases() {
        Proposal big = innovation("A", 2_000_000);
        List<Proposal> fillBudget = List.of(innovation("B", 2_000_000), innovation("C", 1_500_000));
        return Stream.of(
                arguments("budget frame exceeded by the proposals of its round", inFrames(big, fillBudget), 1),
                arguments("budget frame within its limit", inFrames(big, List.of(innovation("B", 2_000_000))), 0),
                arguments("no frame allocations known", RuleContext.of(big), 0),
                arguments("frames of another adoption year", RuleContext.of(big, InnovationFrames.allocate(2025, FrameLimits.defaults().with(dk.kk.gevinstspor.domain.Frame.TOTAL, kr(0)), List.of(), p -> Actuals.none())), 0),
                arguments("cancelled proposal does not count and is not warned", inFrames(big.toBuilder().cancellation(new Cancellation(2026)).build(), fillBudget), 0),
                arguments("investment proposal is not in an innovation frame", inFrames(good().build(), fillBudget), 0),
                arguments("budget and total both exceeded", RuleContext.of(big, InnovationFrames.allocate(2026,
                        FrameLimits.defaults().with(dk.kk.gevinstspor.domain.Frame.TOTAL, kr(1)).with(dk.kk.gevinstspor.domain.Frame.BUDGET, kr(1)), List.of(big), p -> Actuals.none())), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameCases")
    void frame_exceeded(String example, RuleContext context, int expected) {
        List<Finding> findings = new FrameExceededRule().check(context);

        assertThat(findings).hasSize(expected).allMatch(f -> f.code() == FindingCode.FRAME_EXCEEDED && !f.isError());
    }

    @Test
    void a_good_investment_proposal_has_no_findings() {
        assertThat(Rules.check(RuleContext.of(good().build()))).isEmpty();
    }

    @Test
    void there_is_one_rule_per_finding_code() {
        assertThat(Rules.ALL).extracting(Rule::code).containsExactly(FindingCode.values());
    }

    @Test
    void errors_refuse_and_warnings_do_not() {
        Finding error = Finding.of(FindingCode.NO_PERMANENT_EFFICIENCY, "x");
        Finding warning = Finding.of(FindingCode.PAYBACK_OVER_6, "x");

        assertThat(error.isError()).isTrue();
        assertThat(warning.isError()).isFalse();
        assertThat(new Finding(FindingCode.PAYBACK_OVER_6, Severity.INFO, "x").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void the_payback_finding_names_the_shown_payback() {
        Proposal proposal = good().plan(Fixtures.plan("2026 inv=1000000 | 2027 eff=100000")).build();

        assertThat(new PaybackOver6Rule().check(RuleContext.of(proposal))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("11,0 år"));
        assertThat(proposal.kind()).isEqualTo(ProposalKind.INVESTMENT);
    }
}
