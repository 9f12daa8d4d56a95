package dk.kk.gevinstspor.domain;

import java.util.Optional;

/** Planned and actual pool money and gain (that counts) for a year and cumulatively from y1. */
public record FollowUpFigures(Amount plannedPoolMoney, Amount actualPoolMoney, Amount plannedGain, Amount actualGain,
                              Amount cumulativePlannedPoolMoney, Amount cumulativeActualPoolMoney,
                              Amount cumulativePlannedGain, Amount cumulativeActualGain) {

    /** The figures of a proposal for a year. */
    public static FollowUpFigures of(YearlyPlan plan, Actuals actuals, GainBasis basis, int year) {
        return new FollowUpFigures(plan.forYear(year).poolMoney(), actuals.poolMoneyIn(year),
                plan.forYear(year).gain(basis), actuals.gainIn(year, basis),
                plan.poolMoneyUpTo(year), actuals.poolMoneyUpTo(year),
                plan.gainUpTo(year, basis), actuals.gainUpTo(year, basis));
    }

    /** Sum of two sets of figures (for report totals). */
    public FollowUpFigures plus(FollowUpFigures o) {
        return new FollowUpFigures(plannedPoolMoney.plus(o.plannedPoolMoney), actualPoolMoney.plus(o.actualPoolMoney),
                plannedGain.plus(o.plannedGain), actualGain.plus(o.actualGain),
                cumulativePlannedPoolMoney.plus(o.cumulativePlannedPoolMoney),
                cumulativeActualPoolMoney.plus(o.cumulativeActualPoolMoney),
                cumulativePlannedGain.plus(o.cumulativePlannedGain), cumulativeActualGain.plus(o.cumulativeActualGain));
    }

    /** Cumulative realisation of these figures ({@link Realisation#ratio}); empty when nothing was planned. */
    public Optional<Ratio> cumulativeRealisation() {
        return Realisation.ratio(cumulativeActualGain, cumulativePlannedGain);
    }

    /** All figures zero. */
    public static FollowUpFigures zero() {
        Amount z = Amount.ZERO;
        return new FollowUpFigures(z, z, z, z, z, z, z, z);
    }

    /** The figures converted with a price index from one price level to another. */
    public FollowUpFigures converted(PriceIndex index, int fromYear, int toYear) {
        return new FollowUpFigures(index.convert(plannedPoolMoney, fromYear, toYear),
                index.convert(actualPoolMoney, fromYear, toYear), index.convert(plannedGain, fromYear, toYear),
                index.convert(actualGain, fromYear, toYear), index.convert(cumulativePlannedPoolMoney, fromYear, toYear),
                index.convert(cumulativeActualPoolMoney, fromYear, toYear),
                index.convert(cumulativePlannedGain, fromYear, toYear),
                index.convert(cumulativeActualGain, fromYear, toYear));
    }
}
