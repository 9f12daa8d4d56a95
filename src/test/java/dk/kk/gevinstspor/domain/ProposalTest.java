package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposalTest {

    @ParameterizedTest(name = "{0} + {1} is cross-cutting: {2}")
    @CsvSource(delimiter = ';', textBlock = """
        BUF ; BUF            ; false
        BUF ; SOF            ; false
        BUF ; SOF,ØKF        ; false
        ØKF ; ØKF,BUF        ; false
        ØKF ; BUF,SOF        ; false
        ØKF ; BUF,SOF,TMF    ; true
        BUF ; BUF,SOF,TMF    ; true
        """)
    void cross_cutting_takes_three_distinct_fagforvaltninger_and_OKF_does_not_count(String lead, String others, boolean crossCutting) {
        Proposal p = Fixtures.investment("2026 inv=1").leadAdministration(lead)
                .administrations(Set.of(others.split(","))).build();

        assertThat(p.crossCutting()).isEqualTo(crossCutting);
        assertThat(p.administrations()).contains(lead);
    }

    @Test
    void adoption_year_and_price_level_default_to_the_first_plan_year() {
        Proposal p = Fixtures.investment("2026 inv=1 | 2027 eff=1").build();
        Proposal explicit = p.toBuilder().adoptionYear(2025).priceLevelYear(2024).priorityClass(PriorityClass.of(2)).build();

        assertThat(p.adoptionYear()).isEqualTo(2026);
        assertThat(p.priceLevelYear()).isEqualTo(2026);
        assertThat(explicit.adoptionYear()).isEqualTo(2025);
        assertThat(explicit.priceLevelYear()).isEqualTo(2024);
        assertThat(explicit.priorityClass()).isEqualTo(PriorityClass.SERVICE_EFFICIENCY);
        assertThat(explicit.toBuilder().build()).isEqualTo(explicit);
    }

    @Test
    void the_gain_that_counts_follows_the_transfers_flag() {
        Proposal p = Fixtures.investment("2026 inv=1").build();

        assertThat(p.gainBasis()).isEqualTo(GainBasis.SERVICE);
        assertThat(p.toBuilder().transfersEffect(true).build().gainBasis()).isEqualTo(GainBasis.TOTAL);
    }

    @Test
    void effects_are_followed_up_unless_the_analysis_unit_says_otherwise() {
        Proposal p = Fixtures.investment("2026 inv=1").build();
        LocalDate date = LocalDate.of(2025, 1, 1);

        assertThat(p.effectsFollowedUp()).isTrue();
        assertThat(p.toBuilder().assessments(List.of(Assessment.of(AssessmentType.ANALYSIS_UNIT, date, "A"))).build()
                .effectsFollowedUp()).isTrue();
        assertThat(p.toBuilder().assessments(List.of(new Assessment(AssessmentType.KONCERN_IT, date, "K", false))).build()
                .effectsFollowedUp()).isTrue();
        assertThat(p.toBuilder().assessments(List.of(new Assessment(AssessmentType.ANALYSIS_UNIT, date, "A", false))).build()
                .effectsFollowedUp()).isFalse();
        assertThatThrownBy(() -> Assessment.of(null, date, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void cancellation_takes_effect_in_its_year() {
        Proposal p = Fixtures.investment("2026 inv=1").cancellation(new Cancellation(2027)).build();

        assertThat(p.cancelledBy(2026)).isFalse();
        assertThat(p.cancelledBy(2027)).isTrue();
        assertThat(Fixtures.investment("2026 inv=1").build().cancelledBy(2030)).isFalse();
    }

    @Test
    void targets_milestones_and_loans() {
        Proposal p = Fixtures.preAnalysis("2026 inv=500", Map.of(2027, kr(500))).build();

        assertThat(p.milestones()).extracting(FollowUpTarget.Milestone::code).containsExactly("M1");
        assertThat(p.hasTarget(TargetType.MILESTONE)).isTrue();
        assertThat(p.hasTarget(TargetType.KPI)).isFalse();
        assertThat(p.loanIfAny()).contains(new Loan(kr(500), 2026, Map.of(2027, kr(500))));
        assertThat(Fixtures.investment("2026 inv=1").build().loanIfAny()).isEmpty();
        assertThat(new FollowUpTarget.Kpi("K1", "d", "timer", Direction.LOWER_IS_BETTER, Map.of(2027, BigDecimal.TEN)).type())
                .isEqualTo(TargetType.KPI);
    }

    @Test
    void a_proposal_refuses_missing_reference_lead_or_plan_and_duplicate_target_codes() {
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").reference(null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").reference(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").leadAdministration(null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").leadAdministration("").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").plan(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1").expectedInvestmentProposalYear(20).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.investment("2026 inv=1")
                .targets(List.of(new FollowUpTarget.Economic("X"), new FollowUpTarget.Milestone("X", "m", 2026))).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpTarget.Economic(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpTarget.Economic(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
