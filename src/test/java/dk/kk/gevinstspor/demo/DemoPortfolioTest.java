package dk.kk.gevinstspor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.domain.ActualInput;
import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.ActualsValidator;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.FrameLimits;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.LoanStatus;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.RepaymentStatus;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.FindingCode;
import dk.kk.gevinstspor.domain.rules.RuleContext;
import dk.kk.gevinstspor.domain.rules.Rules;
import dk.kk.gevinstspor.proposal.ProposalMapper;

/** The demo portfolio is accepted by the domain as the service would accept it, and shows the variety it promises. */
class DemoPortfolioTest {

    /** The accounts year the demo is written for: actuals up to and including it. */
    private static final int CURRENT_YEAR = 2025;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.05");
    private static final Set<String> ADMINISTRATIONS = Set.of("ØKF", "BUF", "KFF", "SOF", "SUF", "TMF", "BIF");

    /** One demo proposal as the domain sees it. */
    private record Case(DemoProposal demo, Proposal proposal, Actuals actuals) {
        String reference() {
            return proposal.reference();
        }

        Evaluation evaluation(int year) {
            return Evaluator.withDefaults().evaluate(proposal, actuals, year);
        }
    }

    private static List<DemoProposal> demos;
    private static List<Case> cases;

    @BeforeAll
    static void load() {
        demos = DemoPortfolio.proposals();
        cases = demos.stream().map(DemoPortfolioTest::toCase).toList();
    }

    private static Case toCase(DemoProposal demo) {
        ValidationErrors errors = new ValidationErrors();
        Proposal proposal = ProposalMapper.toDomain(demo.proposal(), null, Proposal.SEED_SECTOR_ADMINISTRATIONS, errors);
        assertThat(errors.list()).as("validation errors of %s", demo.proposal().reference()).isEmpty();
        assertThat(proposal).isNotNull();
        Actuals actuals = Actuals.of(demo.actuals().stream().map(a -> input(a).toYearlyActual()).toList());
        return new Case(demo, proposal, actuals);
    }

    /** The row as {@code ActualsService.validated} builds it from the JSON. */
    private static ActualInput input(ActualJson a) {
        Map<String, BigDecimal> kpis = new TreeMap<>(a.kpis() == null ? Map.of() : a.kpis());
        Map<String, Integer> milestones = new TreeMap<>(a.milestones() == null ? Map.of() : a.milestones());
        String explanation = a.explanation() == null || a.explanation().isBlank() ? null : a.explanation().strip();
        kpis.replaceAll((code, value) -> normalised(value));
        return new ActualInput(a.year(), a.investment(), a.operationFunding(), a.operatingCost(), a.serviceEfficiency(),
                a.transferEffect(), a.repayment(), kpis, milestones, explanation);
    }

    private static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- every proposal is accepted -----------------------------------------------------------------

    @Test
    void every_proposal_has_no_error_finding() {
        for (Case c : cases) {
            List<Finding> errors = Rules.check(RuleContext.of(c.proposal())).stream().filter(Finding::isError).toList();
            assertThat(errors).as("ERROR findings of %s", c.reference()).isEmpty();
        }
    }

    @Test
    void warnings_are_the_exception() {
        long withWarnings = cases.stream().filter(c -> !Rules.check(RuleContext.of(c.proposal())).isEmpty()).count();
        assertThat(withWarnings).as("proposals with warnings").isBetween(1L, 3L);
    }

    @Test
    void every_actuals_row_is_valid_with_an_explanation_where_required() {
        for (Case c : cases) {
            for (ActualJson a : c.demo().actuals()) {
                String row = c.reference() + " " + a.year();
                ActualInput input = input(a);
                assertThat(ActualsValidator.validate(input, c.proposal(), CURRENT_YEAR)).as("errors of %s", row).isEmpty();
                ValidationErrors magnitudes = new ValidationErrors().magnitude("investment", a.investment())
                        .magnitude("operationFunding", a.operationFunding()).magnitude("operatingCost", a.operatingCost())
                        .magnitude("serviceEfficiency", a.serviceEfficiency()).magnitude("transferEffect", a.transferEffect())
                        .magnitude("repayment", a.repayment());
                assertThat(magnitudes.list()).as("magnitudes of %s", row).isEmpty();
                YearlyActual actual = input.toYearlyActual();
                assertThat(ExplanationRule.isMissing(c.proposal(), actual, TOLERANCE))
                        .as("missing explanation in %s (deviating: %s)", row,
                                ExplanationRule.deviatingFields(c.proposal(), actual, TOLERANCE))
                        .isFalse();
            }
        }
    }

    @Test
    void actuals_are_ascending_and_never_after_the_current_year() {
        for (Case c : cases) {
            List<Integer> years = c.demo().actuals().stream().map(ActualJson::year).toList();
            assertThat(years).as("years of %s", c.reference()).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(y -> assertThat(y).isLessThanOrEqualTo(CURRENT_YEAR));
        }
    }

    @Test
    void repayments_only_on_loans() {
        for (Case c : cases) {
            if (c.proposal().loan() == null) {
                assertThat(c.demo().actuals()).as("repayments of %s", c.reference())
                        .allSatisfy(a -> assertThat(a.repayment()).isZero());
            }
        }
    }

    @Test
    void every_proposal_evaluates_for_every_year() {
        for (Case c : cases) {
            for (int year = 2020; year <= 2026; year++) {
                int y = year;
                assertThatCode(() -> c.evaluation(y)).as("evaluation of %s for %d", c.reference(), y).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void references_are_unique() {
        List<String> references = demos.stream().map(d -> d.proposal().reference()).toList();
        assertThat(references).doesNotHaveDuplicates();
    }

    // ---- the portfolio's variety ------------------------------------------------------------------

    @Test
    void twenty_to_thirty_proposals() {
        assertThat(cases).hasSizeBetween(20, 30);
    }

    @Test
    void all_seven_administrations_lead_a_proposal() {
        assertThat(cases.stream().map(c -> c.proposal().leadAdministration()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ADMINISTRATIONS);
        assertThat(cases).allSatisfy(c -> assertThat(ADMINISTRATIONS).containsAll(c.proposal().administrations()));
    }

    @Test
    void adoption_years_cover_2020_to_2026_in_both_rounds() {
        assertThat(cases.stream().map(c -> c.proposal().adoptionYear()).collect(Collectors.toSet()))
                .containsAll(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026));
        assertThat(cases.stream().map(c -> c.proposal().adoptionRound()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AdoptionRound.BUDGET, AdoptionRound.TRANSFER_CASE);
    }

    @Test
    void kinds_of_proposal() {
        assertThat(count(c -> c.proposal().kind() == ProposalKind.INVESTMENT && c.proposal().crossCutting()))
                .as("cross-cutting investment proposals").isGreaterThanOrEqualTo(3);
        assertThat(count(c -> c.proposal().kind() == ProposalKind.INNOVATION)).as("innovation proposals").isGreaterThanOrEqualTo(1);
        assertThat(count(c -> c.proposal().kind() == ProposalKind.PRE_ANALYSIS && c.proposal().crossCutting()))
                .as("cross-cutting pre-analyses").isGreaterThanOrEqualTo(1);
        assertThat(count(c -> c.proposal().kind() == ProposalKind.PRE_ANALYSIS && c.proposal().loan() != null))
                .as("pre-analyses on loans").isGreaterThanOrEqualTo(3);
        assertThat(count(c -> c.proposal().kind() == ProposalKind.INVESTMENT)).as("investment proposals")
                .isGreaterThan(cases.size() / 2);
        assertThat(count(c -> c.proposal().digital())).as("digital proposals").isGreaterThanOrEqualTo(5);
        assertThat(count(c -> c.proposal().transfersEffect())).as("with effect on transfers").isGreaterThanOrEqualTo(1);
        assertThat(count(c -> c.proposal().baseInvestment() && !c.proposal().dependentProposals().isEmpty()))
                .as("base investments with dependents").isGreaterThanOrEqualTo(1);
        assertThat(count(c -> c.proposal().hasTarget(TargetType.KPI))).as("with KPIs")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void loans_on_schedule_or_repaid_and_behind_at_the_end_of_2025() {
        Set<RepaymentStatus> statuses = cases.stream().map(c -> c.evaluation(CURRENT_YEAR).loan())
                .flatMap(Optional::stream).map(LoanStatus::status).collect(Collectors.toSet());
        assertThat(statuses).contains(RepaymentStatus.BEHIND);
        assertThat(statuses).containsAnyOf(RepaymentStatus.ON_SCHEDULE, RepaymentStatus.REPAID);
    }

    @Test
    void at_least_three_proposals_fully_implemented_by_2025() {
        assertThat(count(c -> c.evaluation(CURRENT_YEAR).fullyImplemented().isFullyImplemented())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_follow_up_status_in_2025() {
        Set<FollowUpStatus> statuses = cases.stream().map(c -> c.evaluation(CURRENT_YEAR).status()).collect(Collectors.toSet());
        assertThat(statuses).containsAll(EnumSet.of(FollowUpStatus.GREEN, FollowUpStatus.AMBER, FollowUpStatus.RED,
                FollowUpStatus.MISSING));
    }

    @Test
    void no_innovation_pool_frame_is_exceeded() {
        List<Proposal> proposals = cases.stream().map(Case::proposal).toList();
        for (Case c : cases) {
            FrameReport frames = InnovationFrames.allocate(c.proposal().adoptionYear(), FrameLimits.defaults(), proposals,
                    p -> find(p.reference()).actuals());
            assertThat(Rules.check(RuleContext.of(c.proposal(), frames))).as("findings of %s with frames", c.reference())
                    .noneMatch(f -> f.code() == FindingCode.FRAME_EXCEEDED);
        }
    }

    /** The proposals a trainer points at: their state at the end of 2025 is part of the demo's story. */
    @Test
    void showcase_proposals_in_2025() {
        assertThat(find("BIF-2020-01").evaluation(CURRENT_YEAR).status()).isEqualTo(FollowUpStatus.RED);
        assertThat(find("SUF-2023-02").evaluation(CURRENT_YEAR).status()).isEqualTo(FollowUpStatus.MISSING);
        assertThat(find("BIF-2020-01").evaluation(2023).status()).as("the year not reported").isEqualTo(FollowUpStatus.MISSING);
        assertThat(find("BUF-2023-02").evaluation(CURRENT_YEAR).status()).isEqualTo(FollowUpStatus.AMBER);
        assertThat(find("TMF-2023-01").evaluation(CURRENT_YEAR).status()).isEqualTo(FollowUpStatus.GREEN);
        assertThat(find("ØKF-2026-01").evaluation(CURRENT_YEAR).status()).isEqualTo(FollowUpStatus.NOT_STARTED);
        assertThat(loan("TMF-2022-02")).isEqualTo(RepaymentStatus.REPAID);
        assertThat(loan("SOF-2023-03")).isEqualTo(RepaymentStatus.ON_SCHEDULE);
        assertThat(loan("BUF-2024-04")).isEqualTo(RepaymentStatus.BEHIND);
        assertThat(find("ØKF-2020-01").evaluation(CURRENT_YEAR).fullyImplemented().year()).contains(2022);
        assertThat(find("SOF-2025-02").evaluation(CURRENT_YEAR).realisation().notDue()).as("effects not followed up").isTrue();
        assertThat(Rules.check(RuleContext.of(find("KFF-2022-02").proposal()))).extracting(Finding::code)
                .containsExactly(FindingCode.PAYBACK_OVER_6);
    }

    private static Case find(String reference) {
        return cases.stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
    }

    private static RepaymentStatus loan(String reference) {
        return find(reference).evaluation(CURRENT_YEAR).loan().orElseThrow().status();
    }

    private static long count(Predicate<Case> predicate) {
        return cases.stream().filter(predicate).count();
    }
}
