package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActualsValidatorTest {

    private static final Proposal PROPOSAL = Fixtures.investment("2026 inv=1000000 | 2027 eff=500000")
            .targets(List.of(new FollowUpTarget.Economic("EFF"), new FollowUpTarget.Milestone("M1", "I drift", 2027),
                    new FollowUpTarget.Kpi("K1", "Timer", "timer", Direction.HIGHER_IS_BETTER, Map.of(2027, BigDecimal.TEN))))
            .build();

    private static ActualInput input(int year, String inv, String tr, String rep, Map<String, BigDecimal> kpis,
                                     Map<String, Integer> milestones) {
        return new ActualInput(year, inv == null ? null : dec(inv), null, null, null, tr == null ? null : dec(tr),
                rep == null ? null : dec(rep), kpis, milestones, null);
    }

    @Test
    void a_valid_row_has_no_errors_and_becomes_a_yearly_actual() {
        ActualInput input = input(2027, "10", null, "0", Map.of("K1", BigDecimal.ONE), Map.of("M1", 2027));

        assertThat(ActualsValidator.validate(input, PROPOSAL, 2027)).isEmpty();
        assertThat(input.toYearlyActual().investment()).isEqualTo(kr(10));
        assertThat(input(2027, null, null, null, null, null).toYearlyActual().kpis()).isEmpty();
        assertThat(ActualsValidator.validate(input(2030, null, null, null, null, null), PROPOSAL, 2030)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
        year before the first plan year       ; 2025 ; 0      ; null ; null   ; year                  ; YEAR_OUT_OF_RANGE
        impossible year is reported once      ; 0    ; 0      ; null ; null   ; year                  ; YEAR_OUT_OF_RANGE
        year after the current year           ; 2028 ; 0      ; null ; null   ; year                  ; YEAR_OUT_OF_RANGE
        negative investment                   ; 2027 ; -1     ; null ; null   ; investment            ; AMOUNT_NEGATIVE
        three decimals                        ; 2027 ; 0.001  ; null ; null   ; investment            ; AMOUNT_TOO_MANY_DECIMALS
        transfers without the flag            ; 2027 ; 0      ; 5    ; null   ; transferEffect        ; TRANSFER_EFFECT_WITHOUT_FLAG
        negative repayment                    ; 2027 ; 0      ; null ; -1     ; repayment             ; AMOUNT_NEGATIVE
        repayment with three decimals         ; 2027 ; 0      ; null ; 0.001  ; repayment             ; AMOUNT_TOO_MANY_DECIMALS
        repayment without a loan              ; 2027 ; 0      ; null ; 100    ; repayment             ; REPAYMENT_WITHOUT_LOAN
        """)
    void one_bad_value(String example, int year, String inv, String tr, String rep, String field, String code) {
        assertThat(ActualsValidator.validate(input(year, inv, tr, rep, null, null), PROPOSAL, 2027))
                .extracting(ValidationError::field, ValidationError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void unknown_codes_and_milestones_achieved_in_the_future_are_refused() {
        ActualInput input = input(2026, "0", null, null, Map.of("K9", BigDecimal.ONE), Map.of("M9", 2026));
        ActualInput future = input(2026, "0", null, null, Map.of(), Map.of("M1", 2027));

        assertThat(ActualsValidator.validate(input, PROPOSAL, 2027)).extracting(ValidationError::code)
                .containsExactly(ActualsValidator.UNKNOWN_KPI, ActualsValidator.UNKNOWN_MILESTONE);
        assertThat(ActualsValidator.validate(future, PROPOSAL, 2027)).extracting(ValidationError::code)
                .containsExactly(ActualsValidator.MILESTONE_IN_FUTURE);
    }

    @Test
    void an_amount_times_a_ratio_rounds_half_up_to_ore() {
        assertThat(kr(10).times(Ratio.of("0.3333"))).isEqualTo(Amount.of("3.33"));
        assertThat(kr(10).times(Ratio.of("0.0005"))).isEqualTo(Amount.of("0.01"));
    }
}
