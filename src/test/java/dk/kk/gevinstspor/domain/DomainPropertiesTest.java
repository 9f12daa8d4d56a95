package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.gevinstspor.domain.rules.LoanScheduleSumRule;
import dk.kk.gevinstspor.domain.rules.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over a few thousand generated cases from fixed seeds (no property-testing library). */
class DomainPropertiesTest {

    private static final int CASES = 2000;

    /** A random plan of 1..6 years with investments, gains and sometimes transfers and costs. */
    static YearlyPlan randomPlan(Random random) {
        int years = 1 + random.nextInt(6);
        int first = 2020 + random.nextInt(10);
        List<PlanYear> rows = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            rows.add(new PlanYear(first + i, money(random, 2_000_000, 0.6), money(random, 300_000, 0.2),
                    money(random, 200_000, 0.3), money(random, 1_500_000, 0.7),
                    random.nextDouble() < 0.3 ? money(random, 800_000, 1).minus(kr(400_000)) : Amount.ZERO));
        }
        return new YearlyPlan(rows);
    }

    private static Amount money(Random random, int max, double probability) {
        return random.nextDouble() < probability ? Amount.of(random.nextInt(max + 1)) : Amount.ZERO;
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).mapToObj(i -> 20_260_000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void more_investment_never_shortens_the_payback(long seed) {
        Random random = new Random(seed);
        YearlyPlan plan = randomPlan(random);
        int index = random.nextInt(plan.years().size());
        List<PlanYear> more = new ArrayList<>(plan.years());
        PlanYear row = more.get(index);
        more.set(index, new PlanYear(row.year(), row.investment().plus(Amount.of(1 + random.nextInt(1_000_000))),
                row.operationFunding(), row.operatingCost(), row.serviceEfficiency(), row.transferEffect()));

        for (GainBasis basis : GainBasis.values()) {
            BigDecimal before = yearsOrInfinity(PaybackCalculator.payback(plan, basis));
            BigDecimal after = yearsOrInfinity(PaybackCalculator.payback(new YearlyPlan(more), basis));
            assertThat(after).as("payback on %s", basis).isGreaterThanOrEqualTo(before);
        }
    }

    /** "Never" ranks after every number of years. */
    private static BigDecimal yearsOrInfinity(Payback payback) {
        return payback.value().orElse(new BigDecimal("1E+100"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fully_implemented_is_never_before_the_permanent_year(long seed) {
        Random random = new Random(seed);
        YearlyPlan plan = randomPlan(random);
        Proposal proposal = Fixtures.investment("2020").plan(plan).build();
        List<YearlyActual> rows = new ArrayList<>();
        for (int y = plan.firstYear(); y <= plan.permanentYear() + 3; y++) {
            PlanYear planned = plan.forYear(y);
            rows.add(random.nextBoolean() ? YearlyActual.asPlanned(planned)
                    : YearlyActual.of(y, Amount.ZERO, Amount.ZERO, Amount.ZERO, planned.serviceEfficiency(), Amount.ZERO));
        }
        int evaluated = plan.firstYear() + random.nextInt(plan.years().size() + 4);

        FullyImplemented result = FullyImplemented.of(proposal, Actuals.of(rows), evaluated, new BigDecimal("0.05"));

        result.year().ifPresent(y -> assertThat(y).isGreaterThanOrEqualTo(plan.permanentYear()).isLessThanOrEqualTo(evaluated));
        if (evaluated < plan.permanentYear()) {
            assertThat(result.year()).isEmpty();
        }
        assertThat(result.conditions()).contains(ConditionResult.of(FullyImplementedCondition.PERMANENT_YEAR_REACHED,
                evaluated >= plan.permanentYear()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_evaluations_of_a_run_of_years_are_each_years_own_evaluation(long seed) {
        Random random = new Random(seed);
        YearlyPlan plan = randomPlan(random);
        Proposal.Builder builder = Fixtures.investment("2020").plan(plan).transfersEffect(random.nextBoolean())
                .targets(List.of(new FollowUpTarget.Economic("EFF"),
                        new FollowUpTarget.Milestone("M1", "Milepæl", plan.firstYear() + random.nextInt(3))));
        if (random.nextInt(3) == 0) {
            builder.cancellation(new Cancellation(plan.firstYear() + random.nextInt(plan.years().size() + 2)));
        }
        if (random.nextInt(3) == 0) {
            int loanYear = plan.firstYear();
            builder.loan(new Loan(kr(600_000), loanYear, Map.of(loanYear + 1, kr(200_000), loanYear + 2, kr(400_000))));
        }
        Proposal proposal = builder.build();
        List<YearlyActual> rows = new ArrayList<>();
        for (int y = plan.firstYear(); y <= plan.permanentYear() + 3; y++) {
            PlanYear planned = plan.forYear(y);
            if (random.nextInt(5) > 0) {
                rows.add(random.nextBoolean() ? YearlyActual.asPlanned(planned)
                        : YearlyActual.of(y, Amount.ZERO, Amount.ZERO, Amount.ZERO, planned.serviceEfficiency(), Amount.ZERO));
            }
        }
        Actuals actuals = Actuals.of(rows);
        Evaluator evaluator = Evaluator.withDefaults();
        int from = plan.firstYear() - 1;
        int to = plan.permanentYear() + 4;

        List<Evaluation> run = evaluator.evaluateYears(proposal, actuals, from, to);

        assertThat(run).hasSize(to - from + 1);
        for (int y = from; y <= to; y++) {
            assertThat(run.get(y - from)).as("year %d", y).isEqualTo(evaluator.evaluate(proposal, actuals, y));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void realisation_of_actuals_equal_to_plan_is_exactly_one(long seed) {
        Random random = new Random(seed);
        YearlyPlan plan = randomPlan(random);
        boolean transfers = random.nextBoolean();
        Proposal proposal = Fixtures.investment("2020").plan(plan).transfersEffect(transfers).build();
        int evaluated = plan.firstYear() + random.nextInt(plan.years().size() + 3);
        List<YearlyActual> rows = new ArrayList<>();
        for (int y = plan.firstYear(); y <= evaluated; y++) {
            rows.add(YearlyActual.asPlanned(plan.forYear(y)));
        }

        Evaluation evaluation = Evaluator.withDefaults().evaluate(proposal, Actuals.of(rows), evaluated);

        evaluation.realisation().cumulative().ifPresent(r -> assertThat(r.value()).isEqualByComparingTo(BigDecimal.ONE));
        evaluation.realisation().year().ifPresent(r -> assertThat(r.value()).isEqualByComparingTo(BigDecimal.ONE));
        evaluation.spendRatio().ifPresent(r -> assertThat(r.value()).isEqualByComparingTo(BigDecimal.ONE));
        assertThat(evaluation.realisation().cumulative().isPresent())
                .isEqualTo(!evaluation.figures().cumulativePlannedGain().isZero());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_sum_of_a_valid_loan_schedule_equals_the_principal(long seed) {
        Random random = new Random(seed);
        long principalOre = 1 + random.nextInt(100_000_000);
        int loanYear = 2020 + random.nextInt(10);
        Map<Integer, Amount> schedule = new HashMap<>();
        long left = principalOre;
        for (int y = loanYear; y <= loanYear + Loan.MAX_YEARS; y++) {
            long part = y == loanYear + Loan.MAX_YEARS ? left : (long) (random.nextDouble() * left);
            schedule.merge(y, Amount.of(BigDecimal.valueOf(part, 2)), Amount::plus);
            left -= part;
        }
        if (random.nextInt(4) == 0) {
            schedule.merge(loanYear + 1 + random.nextInt(6), Amount.of("0.01"), Amount::plus);
        }
        Amount principal = Amount.of(BigDecimal.valueOf(principalOre, 2));
        YearlyPlan plan = new YearlyPlan(List.of(new PlanYear(loanYear, principal, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO)));
        Loan loan = new Loan(principal, loanYear, schedule);
        Proposal proposal = Fixtures.preAnalysis(loanYear + "", Map.of()).plan(plan).loan(loan).build();

        boolean valid = new LoanScheduleSumRule().check(RuleContext.of(proposal)).isEmpty();

        assertThat(loan.scheduledTotal().equals(principal)).isEqualTo(valid);
        if (valid) {
            Actuals repaidAsScheduled = Actuals.of(schedule.entrySet().stream()
                    .map(e -> YearlyActual.of(e.getKey(), Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO)
                            .withRepayment(e.getValue())).toList());
            LoanStatus end = LoanStatus.at(loan, repaidAsScheduled, loan.lastAllowedYear());
            assertThat(end.status()).isEqualTo(RepaymentStatus.REPAID);
            assertThat(end.scheduledToDate()).isEqualTo(principal);
            assertThat(end.outstanding()).isEqualTo(Amount.ZERO);
        }
    }
}
