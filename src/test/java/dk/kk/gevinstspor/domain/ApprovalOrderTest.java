package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.ApprovalOrder.Body.CITY_COUNCIL;
import static dk.kk.gevinstspor.domain.ApprovalOrder.Body.COMMITTEE;
import static dk.kk.gevinstspor.domain.ApprovalOrder.Body.FINANCE_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.domain.ApprovalOrder.Approval;
import dk.kk.gevinstspor.domain.ApprovalOrder.Body;
import dk.kk.gevinstspor.domain.ApprovalOrder.Reason;
import dk.kk.gevinstspor.domain.ApprovalOrder.Refusal;

/**
 * DOMAIN.md, Edges 9, worked examples. Today is 01.03.2030; a KFF proposal's decision was approved by KFU on
 * 20.04.2026 and ØU on 04.05.2026 (before it was registered, which is normal); BR meets on 21.05.2026.
 */
class ApprovalOrderTest {

    static final LocalDate TODAY = LocalDate.of(2030, 3, 1);
    static final LocalDate KFU = LocalDate.of(2026, 4, 20);
    static final LocalDate OEU = LocalDate.of(2026, 5, 4);
    static final LocalDate BR = LocalDate.of(2026, 5, 21);

    static Approval a(Body body, LocalDate date) {
        return new Approval(body, date);
    }

    static Optional<Refusal> check(List<Approval> recorded, Body body, LocalDate date) {
        return ApprovalOrder.check(recorded, a(body, date), false, TODAY);
    }

    static Optional<Refusal> checkOwn(List<Approval> recorded, Body body, LocalDate date) {
        return ApprovalOrder.check(recorded, a(body, date), true, TODAY);
    }

    static Reason reason(Optional<Refusal> refusal) {
        assertThat(refusal).as("refused").isPresent();
        return refusal.get().reason();
    }

    @Nested
    class InOrder {

        @Test
        void committee_then_finance_committee_then_city_council_are_each_accepted() {
            assertThat(check(List.of(), COMMITTEE, KFU)).isEmpty();
            assertThat(check(List.of(a(COMMITTEE, KFU)), FINANCE_COMMITTEE, OEU)).isEmpty();
            assertThat(check(List.of(a(COMMITTEE, KFU), a(FINANCE_COMMITTEE, OEU)), CITY_COUNCIL, BR)).isEmpty();
        }

        @Test
        void the_same_day_as_the_previous_approval_is_accepted_the_day_before_is_refused() {
            assertThat(check(List.of(a(COMMITTEE, KFU)), FINANCE_COMMITTEE, KFU)).isEmpty();
            Optional<Refusal> dayBefore = check(List.of(a(COMMITTEE, KFU)), FINANCE_COMMITTEE, KFU.minusDays(1));
            assertThat(reason(dayBefore)).isEqualTo(Reason.DATE_BEFORE_PREVIOUS);
            assertThat(dayBefore.get().code()).isEqualTo("APPROVAL_DATE_BEFORE_PREVIOUS");
            assertThat(dayBefore.get().message()).isEqualTo("Datoen 19.04.2026 ligger før fagudvalgets godkendelse den 20.04.2026. "
                    + "Økonomiudvalget godkender efter fagudvalget, så datoen skal være den 20.04.2026 eller senere.");

            List<Approval> two = List.of(a(COMMITTEE, KFU), a(FINANCE_COMMITTEE, OEU));
            assertThat(check(two, CITY_COUNCIL, OEU)).isEmpty();
            assertThat(reason(check(two, CITY_COUNCIL, OEU.minusDays(1)))).isEqualTo(Reason.DATE_BEFORE_PREVIOUS);
        }

        @Test
        void today_is_accepted_tomorrow_is_refused() {
            List<Approval> two = List.of(a(COMMITTEE, KFU), a(FINANCE_COMMITTEE, OEU));
            assertThat(check(two, CITY_COUNCIL, TODAY)).isEmpty();
            Optional<Refusal> tomorrow = check(two, CITY_COUNCIL, TODAY.plusDays(1));
            assertThat(reason(tomorrow)).isEqualTo(Reason.DATE_IN_FUTURE);
            assertThat(tomorrow.get().code()).isEqualTo("APPROVAL_DATE_IN_FUTURE");
            assertThat(tomorrow.get().message()).startsWith("Datoen 02.03.2030 ligger efter i dag (01.03.2030).");
            // the first approval, too
            assertThat(check(List.of(), COMMITTEE, TODAY)).isEmpty();
            assertThat(reason(check(List.of(), COMMITTEE, TODAY.plusDays(1)))).isEqualTo(Reason.DATE_IN_FUTURE);
        }

        @Test
        void approvals_long_before_the_registration_of_the_decision_are_normal() {
            LocalDate longAgo = LocalDate.of(2019, 1, 2);
            assertThat(check(List.of(), COMMITTEE, longAgo)).isEmpty();
            assertThat(check(List.of(a(COMMITTEE, longAgo)), FINANCE_COMMITTEE, longAgo)).isEmpty();
        }
    }

    @Nested
    class OutOfOrder {

        @Test
        void the_finance_committee_before_the_committee_is_refused() {
            Optional<Refusal> refusal = check(List.of(), FINANCE_COMMITTEE, OEU);
            assertThat(reason(refusal)).isEqualTo(Reason.OUT_OF_ORDER);
            assertThat(refusal.get().code()).isEqualTo("APPROVAL_OUT_OF_ORDER");
            assertThat(refusal.get().message()).isEqualTo("Økonomiudvalget kan først godkende beslutningen, når fagudvalget har "
                    + "godkendt den. Godkendelserne sker i rækkefølgen fagudvalget, Økonomiudvalget, Borgerrepræsentationen.");
        }

        @Test
        void the_city_council_before_the_finance_committee_is_refused() {
            Optional<Refusal> refusal = check(List.of(a(COMMITTEE, KFU)), CITY_COUNCIL, BR);
            assertThat(reason(refusal)).isEqualTo(Reason.OUT_OF_ORDER);
            assertThat(refusal.get().message()).startsWith("Borgerrepræsentationen kan først godkende beslutningen, når Økonomiudvalget har");
        }

        @Test
        void the_city_council_first_is_refused_naming_both_bodies_before_it() {
            Optional<Refusal> refusal = check(List.of(), CITY_COUNCIL, BR);
            assertThat(reason(refusal)).isEqualTo(Reason.OUT_OF_ORDER);
            assertThat(refusal.get().message()).contains("når fagudvalget og Økonomiudvalget har godkendt den");
        }

        @Test
        void the_city_council_after_the_finance_committee_alone_is_refused() {
            assertThat(reason(check(List.of(a(FINANCE_COMMITTEE, OEU)), CITY_COUNCIL, BR))).isEqualTo(Reason.OUT_OF_ORDER);
        }

        @Test
        void out_of_order_is_told_before_a_wrong_date() {
            assertThat(reason(check(List.of(), CITY_COUNCIL, TODAY.plusDays(5)))).isEqualTo(Reason.OUT_OF_ORDER);
        }

        @Test
        void the_committee_is_never_out_of_order() {
            assertThat(check(List.of(), COMMITTEE, KFU)).isEmpty();
        }
    }

    @Nested
    class Corrections {

        @Test
        void a_corrected_date_is_checked_against_the_bodies_before_and_after_it() {
            List<Approval> all = List.of(a(COMMITTEE, KFU), a(FINANCE_COMMITTEE, OEU), a(CITY_COUNCIL, BR));
            // the finance committee's date corrected within KFU..BR: accepted, both boundaries included
            assertThat(check(all, FINANCE_COMMITTEE, KFU)).isEmpty();
            assertThat(check(all, FINANCE_COMMITTEE, BR)).isEmpty();
            // after the city council's approval
            Optional<Refusal> late = check(all, FINANCE_COMMITTEE, BR.plusDays(1));
            assertThat(reason(late)).isEqualTo(Reason.DATE_AFTER_NEXT);
            assertThat(late.get().code()).isEqualTo("APPROVAL_DATE_AFTER_NEXT");
            assertThat(late.get().message()).isEqualTo("Datoen 22.05.2026 ligger efter Borgerrepræsentationens godkendelse den 21.05.2026. "
                    + "Økonomiudvalget godkender før Borgerrepræsentationen, så datoen skal være den 21.05.2026 eller tidligere.");
            // before the committee's
            assertThat(reason(check(all, FINANCE_COMMITTEE, KFU.minusDays(1)))).isEqualTo(Reason.DATE_BEFORE_PREVIOUS);
            // the committee's own date: not after ØU's
            assertThat(check(all, COMMITTEE, OEU)).isEmpty();
            assertThat(reason(check(all, COMMITTEE, OEU.plusDays(1)))).isEqualTo(Reason.DATE_AFTER_NEXT);
        }

        @Test
        void a_recorded_approval_is_replaced_by_its_correction_not_compared_with_it() {
            assertThat(check(List.of(a(COMMITTEE, KFU)), COMMITTEE, KFU.minusDays(30))).isEmpty();
            assertThat(check(List.of(a(COMMITTEE, KFU)), COMMITTEE, KFU.plusDays(30))).isEmpty();
        }
    }

    /** ØKF's own proposal: its committee is ØU, recorded twice (COMMITTEE and FINANCE_COMMITTEE), then BR. */
    @Nested
    class FinanceAdministrationsOwn {

        @Test
        void oeu_is_recorded_as_committee_and_as_finance_committee_in_either_order() {
            assertThat(checkOwn(List.of(), COMMITTEE, OEU)).isEmpty();
            assertThat(checkOwn(List.of(), FINANCE_COMMITTEE, OEU)).isEmpty();
            assertThat(checkOwn(List.of(a(FINANCE_COMMITTEE, OEU)), COMMITTEE, OEU)).isEmpty();
            assertThat(checkOwn(List.of(a(COMMITTEE, OEU), a(FINANCE_COMMITTEE, OEU)), CITY_COUNCIL, BR)).isEmpty();
        }

        @Test
        void the_city_council_before_both_recordings_of_oeu_is_refused() {
            assertThat(reason(checkOwn(List.of(), CITY_COUNCIL, BR))).isEqualTo(Reason.OUT_OF_ORDER);
            Optional<Refusal> oneOfTwo = checkOwn(List.of(a(FINANCE_COMMITTEE, OEU)), CITY_COUNCIL, BR);
            assertThat(reason(oneOfTwo)).isEqualTo(Reason.OUT_OF_ORDER);
            assertThat(oneOfTwo.get().message()).isEqualTo("Borgerrepræsentationen kan først godkende beslutningen, når Økonomiudvalget "
                    + "som fagudvalg har godkendt den. For Økonomiforvaltningens egne forslag godkender Økonomiudvalget (registreret "
                    + "både som fagudvalg og som Økonomiudvalget) og derefter Borgerrepræsentationen.");
            assertThat(reason(checkOwn(List.of(a(COMMITTEE, OEU)), CITY_COUNCIL, BR))).isEqualTo(Reason.OUT_OF_ORDER);
        }

        @Test
        void the_city_council_is_not_before_oeu_and_dates_are_checked_as_for_any_proposal() {
            List<Approval> oeu = List.of(a(COMMITTEE, OEU), a(FINANCE_COMMITTEE, OEU));
            assertThat(checkOwn(oeu, CITY_COUNCIL, OEU)).isEmpty();
            Optional<Refusal> before = checkOwn(oeu, CITY_COUNCIL, OEU.minusDays(1));
            assertThat(reason(before)).isEqualTo(Reason.DATE_BEFORE_PREVIOUS);
            assertThat(before.get().message()).contains("ligger før Økonomiudvalgets godkendelse den 04.05.2026");
            assertThat(checkOwn(oeu, CITY_COUNCIL, TODAY)).isEmpty();
            assertThat(reason(checkOwn(oeu, CITY_COUNCIL, TODAY.plusDays(1)))).isEqualTo(Reason.DATE_IN_FUTURE);
        }

        @Test
        void an_ordinary_proposal_does_not_take_the_two_step_order() {
            assertThat(reason(check(List.of(), FINANCE_COMMITTEE, OEU))).isEqualTo(Reason.OUT_OF_ORDER);
            assertThat(checkOwn(List.of(), FINANCE_COMMITTEE, OEU)).isEmpty();
        }
    }

    @Nested
    class Next {

        @Test
        void the_bodies_that_may_approve_next() {
            assertThat(ApprovalOrder.next(List.of(), false)).containsExactly(COMMITTEE);
            assertThat(ApprovalOrder.next(List.of(COMMITTEE), false)).containsExactly(FINANCE_COMMITTEE);
            assertThat(ApprovalOrder.next(List.of(COMMITTEE, FINANCE_COMMITTEE), false)).containsExactly(CITY_COUNCIL);
            assertThat(ApprovalOrder.next(List.of(Body.values()), false)).isEmpty();
            assertThat(ApprovalOrder.next(List.of(), true)).containsExactly(COMMITTEE, FINANCE_COMMITTEE);
            assertThat(ApprovalOrder.next(List.of(FINANCE_COMMITTEE), true)).containsExactly(COMMITTEE);
        }
    }
}
