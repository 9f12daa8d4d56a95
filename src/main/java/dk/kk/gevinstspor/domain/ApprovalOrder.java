package dk.kk.gevinstspor.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * DOMAIN.md, Edges 9: a change decision is approved by the committee (fagudvalget), then the Finance Committee
 * (Økonomiudvalget, ØU), then the City Council (Borgerrepræsentationen, BR); for ØKF's own proposals the committee
 * is ØU, so the order is ØU (recorded twice: as the committee and as ØU, in either order), then BR. An approval
 * is refused when a body before it has not approved yet, when its date is after today, when it is before the
 * latest approval of a body before it, or (a corrected date) after the earliest approval of a body after it.
 * Dates before the decision was registered are normal: decisions are often registered after the meetings.
 */
public final class ApprovalOrder {

    /** The approving bodies in the order of the seed (section 6). */
    public enum Body {
        COMMITTEE, FINANCE_COMMITTEE, CITY_COUNCIL
    }

    /** An approval: the body and the date of its meeting. */
    public record Approval(Body body, LocalDate date) {
        public Approval {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(date, "date");
        }
    }

    /** Why an approval is refused; each with its stable code. */
    public enum Reason {
        /** A body before this one has not approved yet. */
        OUT_OF_ORDER("APPROVAL_OUT_OF_ORDER"),
        /** The date is after today. */
        DATE_IN_FUTURE("APPROVAL_DATE_IN_FUTURE"),
        /** The date is before the approval of a body before this one. */
        DATE_BEFORE_PREVIOUS("APPROVAL_DATE_BEFORE_PREVIOUS"),
        /** A corrected date is after the approval of a body after this one. */
        DATE_AFTER_NEXT("APPROVAL_DATE_AFTER_NEXT");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The refusal with its Danish message. */
    public record Refusal(Reason reason, String message) {
        public String code() {
            return reason.code();
        }
    }

    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ApprovalOrder() {
    }

    /**
     * @param recorded the approvals already recorded (an earlier approval of {@code wanted}'s body is replaced by
     *            it: a correction, checked like a new one)
     * @param wanted the approval to record
     * @param committeeIsFinanceCommittee ØKF's own proposal: its committee is ØU
     * @param today the app's today
     * @return the refusal, or empty when the approval may be recorded
     */
    public static Optional<Refusal> check(Collection<Approval> recorded, Approval wanted, boolean committeeIsFinanceCommittee,
            LocalDate today) {
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(today, "today");
        List<Approval> others = recorded.stream().filter(a -> a.body() != wanted.body()).toList();
        int step = step(wanted.body(), committeeIsFinanceCommittee);

        List<Body> missing = Arrays.stream(Body.values())
                .filter(b -> step(b, committeeIsFinanceCommittee) < step)
                .filter(b -> others.stream().noneMatch(a -> a.body() == b)).toList();
        if (!missing.isEmpty()) {
            return refuse(Reason.OUT_OF_ORDER, capitalised(name(wanted.body(), committeeIsFinanceCommittee))
                    + " kan først godkende beslutningen, når " + names(missing, committeeIsFinanceCommittee)
                    + " har godkendt den. " + order(committeeIsFinanceCommittee));
        }
        if (wanted.date().isAfter(today)) {
            return refuse(Reason.DATE_IN_FUTURE, "Datoen " + danish(wanted.date()) + " ligger efter i dag ("
                    + danish(today) + "). En godkendelse registreres først, når mødet har været holdt.");
        }
        Optional<Approval> previous = others.stream().filter(a -> step(a.body(), committeeIsFinanceCommittee) < step)
                .max((a, b) -> a.date().compareTo(b.date()));
        if (previous.isPresent() && wanted.date().isBefore(previous.get().date())) {
            Approval p = previous.get();
            return refuse(Reason.DATE_BEFORE_PREVIOUS, "Datoen " + danish(wanted.date()) + " ligger før "
                    + meetingGenitive(p.body(), committeeIsFinanceCommittee) + " godkendelse den " + danish(p.date()) + ". "
                    + capitalised(meeting(wanted.body(), committeeIsFinanceCommittee)) + " godkender efter "
                    + meeting(p.body(), committeeIsFinanceCommittee) + ", så datoen skal være den " + danish(p.date())
                    + " eller senere.");
        }
        Optional<Approval> next = others.stream().filter(a -> step(a.body(), committeeIsFinanceCommittee) > step)
                .min((a, b) -> a.date().compareTo(b.date()));
        if (next.isPresent() && wanted.date().isAfter(next.get().date())) {
            Approval n = next.get();
            return refuse(Reason.DATE_AFTER_NEXT, "Datoen " + danish(wanted.date()) + " ligger efter "
                    + meetingGenitive(n.body(), committeeIsFinanceCommittee) + " godkendelse den " + danish(n.date()) + ". "
                    + capitalised(meeting(wanted.body(), committeeIsFinanceCommittee)) + " godkender før "
                    + meeting(n.body(), committeeIsFinanceCommittee) + ", så datoen skal være den " + danish(n.date())
                    + " eller tidligere.");
        }
        return Optional.empty();
    }

    /**
     * The bodies that may approve next, in order: the first body not yet recorded, and for ØKF's own proposals
     * also the other recording of ØU's approval. Empty when all have approved.
     */
    public static List<Body> next(Collection<Body> recorded, boolean committeeIsFinanceCommittee) {
        return Arrays.stream(Body.values()).filter(b -> !recorded.contains(b))
                .filter(b -> Arrays.stream(Body.values())
                        .filter(before -> step(before, committeeIsFinanceCommittee) < step(b, committeeIsFinanceCommittee))
                        .allMatch(recorded::contains))
                .toList();
    }

    /** The position of a body in the order: ØKF's own proposals have two steps, ØU (both recordings) and BR. */
    static int step(Body body, boolean committeeIsFinanceCommittee) {
        if (committeeIsFinanceCommittee && body == Body.COMMITTEE) {
            return Body.FINANCE_COMMITTEE.ordinal();
        }
        return body.ordinal();
    }

    private static Optional<Refusal> refuse(Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }

    private static String order(boolean committeeIsFinanceCommittee) {
        return committeeIsFinanceCommittee
                ? "For Økonomiforvaltningens egne forslag godkender Økonomiudvalget (registreret både som fagudvalg og som "
                        + "Økonomiudvalget) og derefter Borgerrepræsentationen."
                : "Godkendelserne sker i rækkefølgen fagudvalget, Økonomiudvalget, Borgerrepræsentationen.";
    }

    private static String name(Body body, boolean committeeIsFinanceCommittee) {
        return switch (body) {
            case COMMITTEE -> committeeIsFinanceCommittee ? "Økonomiudvalget som fagudvalg" : "fagudvalget";
            case FINANCE_COMMITTEE -> "Økonomiudvalget";
            case CITY_COUNCIL -> "Borgerrepræsentationen";
        };
    }

    /**
     * The body whose meeting a date is, for the date messages: for ØKF's own proposals both recordings of ØU are
     * one meeting of Økonomiudvalget, so the committee is named as ØU, never "fagudvalget".
     */
    private static String meeting(Body body, boolean committeeIsFinanceCommittee) {
        return switch (body) {
            case COMMITTEE -> committeeIsFinanceCommittee ? "Økonomiudvalget" : "fagudvalget";
            case FINANCE_COMMITTEE -> "Økonomiudvalget";
            case CITY_COUNCIL -> "Borgerrepræsentationen";
        };
    }

    private static String meetingGenitive(Body body, boolean committeeIsFinanceCommittee) {
        return meeting(body, committeeIsFinanceCommittee) + "s";
    }

    private static String names(List<Body> bodies, boolean committeeIsFinanceCommittee) {
        List<String> names = bodies.stream().map(b -> name(b, committeeIsFinanceCommittee)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " og " + names.get(names.size() - 1);
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String danish(LocalDate date) {
        return date.format(DANISH);
    }
}
