package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The years figures are entered for: one range for the API, the import and the form; the form also stops at follow-up's end. */
class ActualsYearsTest {

    private static final BigDecimal TOLERANCE = dec("0.05");

    private static Proposal proposal() {
        return Fixtures.investment("2021 inv=500000 | 2022 eff=250000 | 2023 eff=500000").targets(List.of(
                new FollowUpTarget.Economic("EFF"), new FollowUpTarget.Milestone("M1", "I drift", 2022))).build();
    }

    @Test
    void the_range_is_the_first_plan_year_up_to_the_current_year() {
        assertThat(ActualsYears.inRange(proposal(), 2020, 2025)).isFalse();
        assertThat(ActualsYears.inRange(proposal(), 2021, 2025)).isTrue();
        assertThat(ActualsYears.inRange(proposal(), 2025, 2025)).isTrue();
        assertThat(ActualsYears.inRange(proposal(), 2026, 2025)).isFalse();
        assertThat(ActualsYears.rangeMessage(proposal(), 2025)).isEqualTo("Regnskab kan indtastes for årene 2021-2025");
    }

    @Test
    void the_validator_refuses_a_year_outside_the_same_range() {
        ActualInput input = new ActualInput(1990, null, null, null, null, null, null, null, null, null);
        assertThat(ActualsValidator.validate(input, proposal(), 2025)).extracting(ValidationError::code)
                .containsExactly(ActualsValidator.YEAR_OUT_OF_RANGE);
    }

    @Test
    void the_form_opens_for_every_year_of_the_range_while_the_proposal_is_followed_up() {
        assertThat(ActualsYears.forForm(proposal(), actuals("2021 inv=500000"), 2025, TOLERANCE))
                .containsExactly(2021, 2022, 2023, 2024, 2025);
    }

    @Test
    void the_form_closes_after_the_fully_implemented_year_except_for_stored_figures() {
        Actuals implemented2023 = actuals("2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=500000");
        assertThat(ActualsYears.forForm(proposal(), implemented2023, 2025, TOLERANCE)).containsExactly(2021, 2022, 2023);

        Actuals storedLater = actuals("2021 inv=500000 | 2022 eff=250000 ms.M1=2022 | 2023 eff=500000 | 2025 eff=500000");
        assertThat(ActualsYears.forForm(proposal(), storedLater, 2025, TOLERANCE)).containsExactly(2021, 2022, 2023, 2025);
    }

    @Test
    void the_form_closes_after_the_cancellations_effective_year() {
        Proposal cancelled = proposal().toBuilder().cancellation(new Cancellation(2022)).build();
        assertThat(ActualsYears.forForm(cancelled, actuals("2021 inv=500000"), 2025, TOLERANCE)).containsExactly(2021, 2022);
    }
}
