package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a proposal for an accounts year Y (DOMAIN.md "Follow-up targets, actuals, evaluation"): sums over
 * y1..Y with the plan extended past P and a missing actual counting as 0; realisation, spend ratio, targets,
 * status, fully implemented and loan status.
 */
public final class Evaluator {

    private final EvaluationSettings settings;

    public Evaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    /** An evaluator with the default thresholds. */
    public static Evaluator withDefaults() {
        return new Evaluator(EvaluationSettings.defaults());
    }

    public Evaluation evaluate(Proposal proposal, Actuals actuals, int year) {
        return evaluate(proposal, actuals, year, PaybackCalculator.figures(proposal.plan()),
                FullyImplemented.firstYear(proposal, actuals, year, settings.tolerance()));
    }

    /**
     * The evaluations of the years {@code from}..{@code to}, each equal to {@link #evaluate} of its year, with what does
     * not depend on the year worked out once (the payback figures, the plan's; the first fully implemented year, the
     * first ≤ {@code to} in which the conditions hold, so for a year Y that one if it is ≤ Y): the snapshot job's
     * reading of a proposal's whole history.
     */
    public List<Evaluation> evaluateYears(Proposal proposal, Actuals actuals, int from, int to) {
        PaybackFigures payback = PaybackCalculator.figures(proposal.plan());
        Optional<Integer> firstFullyImplemented = FullyImplemented.firstYear(proposal, actuals, to, settings.tolerance());
        List<Evaluation> evaluations = new ArrayList<>(Math.max(0, to - from + 1));
        for (int year = from; year <= to; year++) {
            int y = year;
            evaluations.add(evaluate(proposal, actuals, year, payback, firstFullyImplemented.filter(f -> f <= y)));
        }
        return evaluations;
    }

    private Evaluation evaluate(Proposal proposal, Actuals actuals, int year, PaybackFigures payback,
                                Optional<Integer> firstFullyImplemented) {
        FullyImplemented fullyImplemented = FullyImplemented.of(proposal, actuals, firstFullyImplemented, year, settings.tolerance());
        int followUpYear = FullyImplemented.followUpYear(proposal, fullyImplemented.year(), year);
        YearlyPlan plan = proposal.plan();
        GainBasis basis = proposal.gainBasis();
        FollowUpFigures figures = FollowUpFigures.of(plan, actuals, basis, followUpYear);
        Realisation realisation = proposal.effectsFollowedUp()
                ? Realisation.of(Realisation.ratio(figures.actualGain(), figures.plannedGain()),
                        Realisation.ratio(figures.cumulativeActualGain(), figures.cumulativePlannedGain()))
                : Realisation.notDueAtAll();
        Optional<Ratio> spendRatio = Ratio.between(figures.cumulativeActualPoolMoney(), figures.cumulativePlannedPoolMoney());
        List<TargetResult> targets = proposal.targets().stream()
                .map(t -> targetResult(t, proposal, actuals, realisation, figures, followUpYear)).toList();
        FollowUpStatus status = status(plan, actuals, followUpYear, realisation, spendRatio, targets, figures);
        Optional<LoanStatus> loan = proposal.loanIfAny().map(l -> LoanStatus.at(l, actuals, year));
        return new Evaluation(year, followUpYear, payback, figures, realisation, spendRatio,
                targets, status, fullyImplemented, loan, proposal.cancelledBy(year));
    }

    private FollowUpStatus status(YearlyPlan plan, Actuals actuals, int year, Realisation realisation,
                                  Optional<Ratio> spendRatio, List<TargetResult> targets, FollowUpFigures figures) {
        if (year < plan.firstYear()) {
            return FollowUpStatus.NOT_STARTED;
        }
        if (!actuals.hasRow(year)) {
            return FollowUpStatus.MISSING;
        }
        Optional<Ratio> cumulative = realisation.cumulative();
        boolean unplannedPoolMoney = figures.cumulativePlannedPoolMoney().isZero()
                && figures.cumulativeActualPoolMoney().isPositive();
        boolean red = cumulative.map(r -> r.isBelow(settings.redRealisationBelow())).orElse(false)
                || targets.stream().anyMatch(t -> t.type() == TargetType.MILESTONE
                        && t.status() == TargetStatus.NOT_MET && t.overdueYears() >= settings.redMilestoneOverdueYears())
                || spendRatio.map(r -> r.isAbove(settings.redSpendRatioAbove())).orElse(false)
                || unplannedPoolMoney;
        if (red) {
            return FollowUpStatus.RED;
        }
        boolean amber = cumulative.map(r -> r.isBelow(settings.amberRealisationBelow())).orElse(false)
                || targets.stream().anyMatch(t -> t.status() == TargetStatus.NOT_MET || t.status() == TargetStatus.MISSING)
                || spendRatio.map(r -> r.isAbove(settings.amberSpendRatioAbove())).orElse(false);
        return amber ? FollowUpStatus.AMBER : FollowUpStatus.GREEN;
    }

    private TargetResult targetResult(FollowUpTarget target, Proposal proposal, Actuals actuals, Realisation realisation,
                                      FollowUpFigures figures, int year) {
        if (target instanceof FollowUpTarget.Milestone milestone) {
            return milestoneResult(milestone, actuals, year);
        }
        if (target instanceof FollowUpTarget.Kpi kpi) {
            return TargetResult.of(kpi, kpiStatus(kpi, actuals, year));
        }
        return TargetResult.of(target, economicStatus(realisation, figures, actuals, year));
    }

    private TargetStatus economicStatus(Realisation realisation, FollowUpFigures figures, Actuals actuals, int year) {
        if (realisation.notDue() || figures.cumulativePlannedGain().isZero()) {
            return TargetStatus.NOT_DUE;
        }
        if (!actuals.hasRow(year)) {
            return TargetStatus.MISSING;
        }
        boolean met = realisation.cumulative().orElseThrow().value().compareTo(settings.amberRealisationBelow()) >= 0;
        return met ? TargetStatus.MET : TargetStatus.NOT_MET;
    }

    private static TargetResult milestoneResult(FollowUpTarget.Milestone milestone, Actuals actuals, int year) {
        if (actuals.milestoneAchievedBy(milestone.code(), year).isPresent()) {
            return TargetResult.of(milestone, TargetStatus.MET);
        }
        if (year < milestone.dueYear()) {
            return TargetResult.of(milestone, TargetStatus.NOT_DUE);
        }
        return new TargetResult(milestone.code(), TargetType.MILESTONE, TargetStatus.NOT_MET, year - milestone.dueYear());
    }

    private TargetStatus kpiStatus(FollowUpTarget.Kpi kpi, Actuals actuals, int year) {
        BigDecimal target = kpi.yearly().get(year);
        if (target == null) {
            return TargetStatus.NOT_DUE;
        }
        Optional<BigDecimal> actual = actuals.forYear(year).flatMap(a -> a.kpi(kpi.code()));
        if (actual.isEmpty()) {
            return TargetStatus.MISSING;
        }
        boolean met = switch (kpi.direction()) {
            case HIGHER_IS_BETTER -> actual.get().compareTo(target.multiply(BigDecimal.ONE.subtract(settings.tolerance()))) >= 0;
            case LOWER_IS_BETTER -> actual.get().compareTo(target.multiply(BigDecimal.ONE.add(settings.tolerance()))) <= 0;
        };
        return met ? TargetStatus.MET : TargetStatus.NOT_MET;
    }
}
