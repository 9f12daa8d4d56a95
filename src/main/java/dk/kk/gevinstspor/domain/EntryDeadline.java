package dk.kk.gevinstspor.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadline for entering an accounts year's figures: a day and month of the year after the accounts year
 * (default 1 March: the figures of 2026 are due on 1 March 2027). A day that some year lacks (29 February) is refused,
 * so the deadline exists every year. On the deadline day itself the figures are still on time; after it they are overdue.
 */
public record EntryDeadline(int day, int month) {

    /** 1 March, until an admin sets another. */
    public static final EntryDeadline DEFAULT = new EntryDeadline(1, 3);
    private static final String[] MONTHS = { "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december" };

    public EntryDeadline {
        List<ValidationError> errors = errors(day, month);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).message());
        }
    }

    /**
     * What is wrong with a day and month, in Danish (field {@code day} or {@code month}): absent, a month outside 1–12,
     * a day outside the month (31 April), or 29 February, which most years lack. Empty when they make a deadline.
     */
    public static List<ValidationError> errors(Integer day, Integer month) {
        List<ValidationError> errors = new ArrayList<>();
        if (month == null) {
            errors.add(new ValidationError("month", "MONTH_REQUIRED", "Angiv måneden"));
        } else if (month < 1 || month > 12) {
            errors.add(new ValidationError("month", "MONTH_INVALID", "Måneden skal være et tal fra 1 til 12"));
        }
        if (day == null) {
            errors.add(new ValidationError("day", "DAY_REQUIRED", "Angiv dagen"));
        } else if (day < 1 || day > 31) {
            errors.add(new ValidationError("day", "DAY_INVALID", "Dagen skal være et tal fra 1 til 31"));
        } else if (errors.isEmpty() && day > Month.of(month).maxLength()) {
            errors.add(new ValidationError("day", "DAY_NOT_IN_MONTH", "Den " + day + ". " + MONTHS[month - 1] + " findes ikke"));
        } else if (errors.isEmpty() && day > Month.of(month).minLength()) {
            errors.add(new ValidationError("day", "DAY_NOT_IN_MONTH", "Den " + day + ". " + MONTHS[month - 1]
                    + " findes ikke hvert år; vælg en dato, der findes hvert år"));
        }
        return errors;
    }

    /** A month's Danish name, lower case: 3 → {@code marts}. */
    public static String monthName(int month) {
        return MONTHS[month - 1];
    }

    /** The date the figures of {@code accountsYear} are due: this day and month of the following year. */
    public LocalDate dueDate(int accountsYear) {
        return LocalDate.of(accountsYear + 1, month, day);
    }

    /** True when {@code today} is after the due date of the accounts year's figures. */
    public boolean isOverdue(int accountsYear, LocalDate today) {
        return today.isAfter(dueDate(accountsYear));
    }

    /** The deadline of an accounts year in Danish: {@code 1. marts 2027}. */
    public String danish(int accountsYear) {
        return day + ". " + MONTHS[month - 1] + " " + (accountsYear + 1);
    }

    /** Day and month in Danish without a year: {@code 1. marts}. */
    public String danish() {
        return day + ". " + MONTHS[month - 1];
    }
}
