package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The years a proposal's actual figures can be entered for. One range for the API, the import and the form
 * (DOMAIN.md "Money, years, clock"): from the first plan year up to the current year ({@link #inRange}; outside it
 * {@link ActualsValidator#YEAR_OUT_OF_RANGE}). The form opens only for the years of that range in which the proposal
 * is still followed up ({@link FiguresNeeded#inYear}: not fully implemented before the year, not cancelled before it),
 * and for a year whose figures are stored already, so that they can be corrected ({@link #forForm}).
 */
public final class ActualsYears {

    private ActualsYears() {
    }

    /** True when the year lies between the proposal's first plan year and the current year. */
    public static boolean inRange(Proposal proposal, int year, int currentYear) {
        return year >= proposal.plan().firstYear() && year <= currentYear;
    }

    /** The Danish message of a year outside {@link #inRange}. */
    public static String rangeMessage(Proposal proposal, int currentYear) {
        return "Regnskab kan indtastes for årene " + proposal.plan().firstYear() + "-" + currentYear;
    }

    /**
     * The years, ascending, the figures form opens for: in {@link #inRange} and either still followed up (for any
     * administration) or with figures stored.
     */
    public static List<Integer> forForm(Proposal proposal, Actuals actuals, int currentYear, BigDecimal tolerance) {
        List<Integer> years = new ArrayList<>();
        for (int year = proposal.plan().firstYear(); year <= currentYear; year++) {
            if (actuals.forYear(year).isPresent()
                    || FiguresNeeded.inYear(proposal, actuals, year, tolerance, Optional.empty())) {
                years.add(year);
            }
        }
        return years;
    }
}
