package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanValidatorTest {

    private static PlanInput row(int year, String inv, String op, String cost, String eff, String tr) {
        return new PlanInput(year, d(inv), d(op), d(cost), d(eff), d(tr));
    }

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void a_valid_plan_has_no_errors_and_becomes_a_yearly_plan() {
        List<PlanInput> rows = List.of(row(2027, "0", "0", "0", "500000", "-100000"), row(2026, "1000000", null, "0", "0", "0"));

        assertThat(PlanValidator.validate(rows, true)).isEmpty();
        YearlyPlan plan = PlanValidator.toPlan(rows);
        assertThat(plan.firstYear()).isEqualTo(2026);
        assertThat(plan.permanent().transferEffect()).isEqualTo(kr(-100_000));
        assertThat(plan.forYear(2026).operationFunding()).isEqualTo(kr(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
        negative investment              ; -1     ; 0 ; 0 ; 0     ; 0  ; true  ; plan[0].investment        ; AMOUNT_NEGATIVE
        negative operation funding       ; 0      ; -1; 0 ; 0     ; 0  ; true  ; plan[0].operationFunding  ; AMOUNT_NEGATIVE
        negative operating cost          ; 0      ; 0 ; -1; 0     ; 0  ; true  ; plan[0].operatingCost     ; AMOUNT_NEGATIVE
        negative efficiency              ; 0      ; 0 ; 0 ; -1    ; 0  ; true  ; plan[0].serviceEfficiency ; AMOUNT_NEGATIVE
        three decimals                   ; 1.005  ; 0 ; 0 ; 0     ; 0  ; true  ; plan[0].investment        ; AMOUNT_TOO_MANY_DECIMALS
        three decimals on transfers      ; 0      ; 0 ; 0 ; 0     ; 0.001 ; true ; plan[0].transferEffect  ; AMOUNT_TOO_MANY_DECIMALS
        transfers without the flag       ; 0      ; 0 ; 0 ; 0     ; -5 ; false ; plan[0].transferEffect    ; TRANSFER_EFFECT_WITHOUT_FLAG
        """)
    void one_bad_amount(String example, String inv, String op, String cost, String eff, String tr, boolean transfers,
                        String field, String code) {
        List<ValidationError> errors = PlanValidator.validate(List.of(row(2026, inv, op, cost, eff, tr)), transfers);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.message()).isNotBlank();
        });
    }

    @Test
    void all_errors_are_reported_at_once() {
        List<PlanInput> rows = List.of(row(2026, "-1", "0", "0", "0", "0"), row(2026, "0", "0", "0", "0.001", "0"),
                row(2029, "0", "0", "0", "0", "0"));

        List<ValidationError> errors = PlanValidator.validate(rows, false);

        assertThat(errors).extracting(ValidationError::code).containsExactly(
                PlanValidator.AMOUNT_NEGATIVE, PlanValidator.PLAN_YEAR_DUPLICATE, PlanValidator.AMOUNT_TOO_MANY_DECIMALS,
                PlanValidator.PLAN_YEAR_GAP, PlanValidator.PLAN_YEAR_GAP);
        assertThat(errors).extracting(ValidationError::message).contains("Planen mangler året 2027", "Planen mangler året 2028");
    }

    @Test
    void an_empty_plan_and_nonsense_years_are_refused() {
        assertThat(PlanValidator.validate(List.of(), false)).extracting(ValidationError::code)
                .containsExactly(PlanValidator.PLAN_EMPTY);
        assertThat(PlanValidator.validate(List.of(row(0, "0", "0", "0", "0", "0"), row(2026, "0", "0", "0", "0", "0")), false))
                .extracting(ValidationError::code).containsExactly(PlanValidator.PLAN_YEAR_INVALID);
        assertThat(PlanValidator.validate(List.of(row(3000, "0", "0", "0", "0", "0")), false))
                .extracting(ValidationError::code).containsExactly(PlanValidator.PLAN_YEAR_INVALID);
        assertThat(PlanValidator.validate(List.of(row(2026, "0", "0", "0", "0", null), row(2027, "0", "0", "0", "0", "0"),
                row(2028, "0", "0", "0", "0", "0")), false)).isEmpty();
    }

    @ParameterizedTest(name = "loan on {0} cross-cutting={1}: allowed={2}")
    @CsvSource({"PRE_ANALYSIS, false, true", "PRE_ANALYSIS, true, false", "INNOVATION, false, false", "INVESTMENT, false, false"})
    void loans_only_on_administration_specific_pre_analyses(ProposalKind kind, boolean crossCutting, boolean allowed) {
        List<PlanInput> rows = List.of(row(2026, "600000", "0", "0", "0", "0"));
        Loan loan = new Loan(kr(600_000), 2026, Map.of(2027, kr(600_000)));

        List<ValidationError> withLoan = PlanValidator.validate(rows, false, kind, crossCutting, Optional.of(loan));
        List<ValidationError> without = PlanValidator.validate(rows, false, kind, crossCutting, Optional.empty());

        assertThat(withLoan.stream().anyMatch(e -> e.code().equals(PlanValidator.LOAN_NOT_ALLOWED))).isEqualTo(!allowed);
        assertThat(without).isEmpty();
    }

    @Test
    void a_yearly_plan_refuses_gaps_and_emptiness() {
        assertThatThrownBy(() -> new YearlyPlan(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YearlyPlan.of(PlanYear.empty(2026), PlanYear.empty(2028)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YearlyPlan.of(PlanYear.empty(2026), PlanYear.empty(2026)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(2026, "0.001", "0", "0", "0", "0").toPlanYear())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dec("1")).isEqualByComparingTo("1.0");
    }
}
