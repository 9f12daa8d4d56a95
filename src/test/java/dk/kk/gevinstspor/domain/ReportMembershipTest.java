package dk.kk.gevinstspor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportMembershipTest {

    private static final Map<String, String> COMMITTEES = Map.of("ØKF", "ØU", "BUF", "BUU", "KFF", "KFU", "SOF", "SOU",
            "SUF", "SUU", "TMF", "TMU", "BIF", "BIU");

    private static ReportScope scope(ReportKind kind, int meetingYear, String committee, Boolean digital) {
        return switch (kind) {
            case MAJBIDRAG -> ReportScope.majbidrag(meetingYear, committee, COMMITTEES);
            case FINANCE_COMMITTEE -> ReportScope.financeCommittee(meetingYear);
            case IT_KREDS -> ReportScope.itKreds(meetingYear);
            case INNOVATION -> ReportScope.innovation(meetingYear, Optional.ofNullable(digital));
        };
    }

    private static Proposal proposal(ProposalKind kind, String lead, boolean crossCutting, boolean digital) {
        Proposal.Builder b = Proposal.builder().reference("X-1").title("t").kind(kind).leadAdministration(lead)
                .digital(digital).plan(Fixtures.plan("2026 inv=100000 | 2027 eff=100000"));
        if (crossCutting) {
            b.administrations(Set.of(lead, "SOF", "KFF", "TMF"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2} cross-cutting={3} digital={4} in {5} {6}: {7}")
    @CsvSource(nullValues = "null", textBlock = """
        INVESTMENT  , BUF, false, false, MAJBIDRAG        , BUU , null , true
        INNOVATION  , BUF, false, true , MAJBIDRAG        , BUU , null , true
        PRE_ANALYSIS, BUF, false, false, MAJBIDRAG        , BUU , null , true
        INVESTMENT  , BUF, false, false, MAJBIDRAG        , SOU , null , false
        INVESTMENT  , BUF, true , false, MAJBIDRAG        , BUU , null , false
        INVESTMENT  , ØKF, false, false, MAJBIDRAG        , ØU  , null , true
        INVESTMENT  , BUF, true , false, FINANCE_COMMITTEE, null, null , true
        INNOVATION  , BUF, true , false, FINANCE_COMMITTEE, null, null , false
        INVESTMENT  , BUF, false, false, FINANCE_COMMITTEE, null, null , false
        INNOVATION  , BUF, false, true , IT_KREDS         , null, null , true
        PRE_ANALYSIS, BUF, true , true , IT_KREDS         , null, null , true
        INNOVATION  , BUF, false, false, IT_KREDS         , null, null , false
        INVESTMENT  , BUF, false, true , IT_KREDS         , null, null , false
        INNOVATION  , BUF, false, true , INNOVATION       , null, null , true
        PRE_ANALYSIS, BUF, true , false, INNOVATION       , null, null , true
        INVESTMENT  , BUF, false, false, INNOVATION       , null, null , false
        INNOVATION  , BUF, false, true , INNOVATION       , null, false, false
        INNOVATION  , BUF, false, false, INNOVATION       , null, false, true
        INNOVATION  , BUF, false, true , INNOVATION       , null, true , true
        """)
    void who_receives_which_proposal(ProposalKind kind, String lead, boolean crossCutting, boolean digital,
                                     ReportKind report, String committee, Boolean digitalFilter, boolean included) {
        Proposal p = proposal(kind, lead, crossCutting, digital);

        assertThat(ReportMembership.belongs(scope(report, 2028, committee, digitalFilter), p, Optional.empty()))
                .isEqualTo(included);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
        first plan year after the accounts year is not yet in            ; 2026 ; null ; null ; false
        first plan year equal to the accounts year is in                 ; 2027 ; null ; null ; true
        fully implemented in the accounts year appears once, marked      ; 2028 ; 2027 ; null ; true
        fully implemented before the accounts year is out                ; 2029 ; 2027 ; null ; false
        cancelled with effect in the accounts year appears once          ; 2028 ; null ; 2027 ; true
        cancelled before the accounts year is out                        ; 2029 ; null ; 2027 ; false
        cancelled with effect after the accounts year is in              ; 2028 ; null ; 2028 ; true
        """)
    void membership_by_years(String example, int meetingYear, Integer fullyImplementedYear, Integer cancelledIn,
                             boolean included) {
        Proposal p = proposal(ProposalKind.INVESTMENT, "BUF", true, false).toBuilder()
                .cancellation(cancelledIn == null ? null : new Cancellation(cancelledIn)).build();

        assertThat(ReportMembership.belongs(ReportScope.financeCommittee(meetingYear), p,
                Optional.ofNullable(fullyImplementedYear))).isEqualTo(included);
    }

    @Test
    void a_report_covers_the_year_before_its_meeting() {
        assertThat(ReportScope.itKreds(2028).accountsYear()).isEqualTo(2027);
        assertThat(ReportScope.itKreds(2028).digital()).isEmpty();
    }

    @Test
    void a_majbidrag_needs_a_committee() {
        assertThatThrownBy(() -> ReportScope.majbidrag(2028, null, COMMITTEES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportScope.majbidrag(2028, "BUU", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReportScope(ReportKind.INNOVATION, 2028, null, null, null).digital()).isEmpty();
    }
}
