package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRowTest {

    private static final Evaluator EVALUATOR = Evaluator.withDefaults();

    @Test
    void a_row_shows_planned_and_actual_pool_money_and_gain_for_the_year_and_cumulative() {
        Proposal proposal = Fixtures.investment(
                "2026 inv=3000000 | 2027 inv=1000000 eff=500000 | 2028 eff=1500000 | 2029 eff=2000000").build();
        Actuals actuals = actuals("2026 inv=2950000 why=Billigere | 2027 inv=950000 eff=500000 why=Udbud");

        ReportRow row = ReportRow.of(proposal, actuals, 2027, EVALUATOR, 2);

        assertThat(row.reference()).isEqualTo("BUF-2026-01");
        assertThat(row.title()).isEqualTo("Digital pladsanvisning");
        assertThat(row.administration()).isEqualTo("BUF");
        assertThat(row.kind()).isEqualTo(ProposalKind.INVESTMENT);
        assertThat(row.status()).isEqualTo(FollowUpStatus.GREEN);
        assertThat(row.figures()).isEqualTo(new FollowUpFigures(kr(1_000_000), kr(950_000), kr(500_000), kr(500_000),
                kr(4_000_000), kr(3_900_000), kr(500_000), kr(500_000)));
        assertThat(row.realisation().orElseThrow().shown()).isEqualByComparingTo("1.000");
        assertThat(row.spendRatio().orElseThrow().shown()).isEqualByComparingTo("0.975");
        assertThat(row.targets()).containsExactly(new TargetResult("EFF", TargetType.ECONOMIC, TargetStatus.MET, 0));
        assertThat(row.fullyImplemented()).isFalse();
        assertThat(row.cancelled()).isFalse();
        assertThat(row.treasuryReturn()).isEmpty();
        assertThat(row.loan()).isEmpty();
        assertThat(row.pendingDecisions()).isEqualTo(2);
        assertThat(row.explanation()).isEqualTo("Udbud");
    }

    @Test
    void the_cumulative_realisation_of_summed_figures_is_actual_over_planned_gain_and_empty_without_a_plan() {
        FollowUpFigures a = new FollowUpFigures(kr(0), kr(0), kr(500_000), kr(400_000), kr(0), kr(0), kr(2_000_000), kr(1_500_000));
        FollowUpFigures b = new FollowUpFigures(kr(0), kr(0), kr(0), kr(0), kr(0), kr(0), kr(1_000_000), kr(1_200_000));

        assertThat(a.plus(b).cumulativeRealisation().orElseThrow().shown()).isEqualByComparingTo("0.900");
        assertThat(FollowUpFigures.zero().cumulativeRealisation()).isEmpty();
    }

    @Test
    void a_row_cancelled_in_the_accounts_year_carries_its_treasury_return() {
        Proposal proposal = Fixtures.investment("2026 inv=1000000 | 2027 inv=500000 eff=200000 | 2028 eff=600000")
                .cancellation(new Cancellation(2027)).build();

        ReportRow row = ReportRow.of(proposal, actuals("2026 inv=1000000 | 2027 inv=200000"), 2027, EVALUATOR, 0);

        assertThat(row.cancelled()).isTrue();
        assertThat(row.treasuryReturn()).contains(kr(300_000));
        assertThat(row.explanation()).isNull();
    }

    @Test
    void overspending_leaves_nothing_for_the_treasury() {
        Cancellation cancellation = new Cancellation(2026);

        assertThat(cancellation.treasuryReturn(Fixtures.plan("2026 inv=100000 | 2027 eff=1"), actuals("2026 inv=150000")))
                .isEqualTo(kr(0));
    }

    @Test
    void a_row_converts_to_the_report_price_level_and_totals_are_sums_of_rows() {
        Proposal loanProposal = Fixtures.preAnalysis("2026 inv=600000", Map.of(2027, kr(600_000)))
                .cancellation(new Cancellation(2027)).build();
        Proposal investment = Fixtures.investment("2026 inv=1000000 | 2027 eff=500000").build();
        PriceIndex index = new PriceIndex(Map.of(2026, dec("100"), 2028, dec("110")));

        ReportRow loanRow = ReportRow.of(loanProposal, actuals("2026 inv=600000 | 2027 rep=600000"), 2027, EVALUATOR, 0)
                .converted(index, 2028);
        ReportRow investmentRow = ReportRow.of(investment, actuals("2026 inv=1000000 | 2027 eff=500000"), 2027, EVALUATOR, 0)
                .converted(index, 2028);

        assertThat(loanRow.priceLevelYear()).isEqualTo(2028);
        assertThat(loanRow.loan().orElseThrow()).isEqualTo(new LoanStatus(RepaymentStatus.REPAID, kr(660_000),
                kr(660_000), kr(660_000), kr(0)));
        assertThat(loanRow.treasuryReturn()).contains(kr(0));
        assertThat(loanRow.figures().cumulativeActualPoolMoney()).isEqualTo(kr(660_000));
        assertThat(investmentRow.figures().actualGain()).isEqualTo(kr(550_000));
        FollowUpFigures totals = ReportRow.totals(List.of(loanRow, investmentRow));
        assertThat(totals.cumulativeActualPoolMoney()).isEqualTo(kr(1_760_000));
        assertThat(totals.cumulativePlannedPoolMoney()).isEqualTo(kr(1_760_000));
        assertThat(totals.actualGain()).isEqualTo(kr(550_000));
        assertThat(totals.plannedGain()).isEqualTo(kr(550_000));
        assertThat(totals.cumulativeActualGain()).isEqualTo(kr(550_000));
        assertThat(totals.cumulativePlannedGain()).isEqualTo(kr(550_000));
        assertThat(totals.plannedPoolMoney()).isEqualTo(kr(0));
        assertThat(totals.actualPoolMoney()).isEqualTo(kr(0));
        assertThat(ReportRow.totals(List.of())).isEqualTo(FollowUpFigures.zero());
    }
}
