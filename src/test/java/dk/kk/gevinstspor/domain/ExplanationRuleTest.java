package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplanationRuleTest {

    private static final BigDecimal TOLERANCE = dec("0.05");
    private static final Proposal PLAN = Fixtures.investment("2026 inv=1000000 | 2027 eff=500000 tr=-100000")
            .transfersEffect(true).build();

    @ParameterizedTest(name = "{0}: required={2}, fields={3}")
    @CsvSource(delimiter = ';', textBlock = """
        exactly as planned                         ; 2026 inv=1000000                       ; false ; ''
        5 % over plan is within tolerance          ; 2026 inv=1050000                       ; false ; ''
        just over 5 % needs an explanation         ; 2026 inv=1050001                       ; true  ; investment
        5 % under plan is within tolerance         ; 2026 inv=950000                        ; false ; ''
        plan 0 and any actual needs an explanation ; 2026 inv=1000000 op=1                  ; true  ; operationFunding
        plan 0 and cost                            ; 2026 inv=1000000 cost=1                ; true  ; operatingCost
        negative transfers compare by size         ; 2027 eff=500000 tr=-106000             ; true  ; transferEffect
        negative transfers within tolerance        ; 2027 eff=500000 tr=-95000              ; false ; ''
        after P the plan is extended               ; 2029 eff=470000 tr=-100000             ; true  ; serviceEfficiency
        after P no pool money is planned           ; 2029 inv=1 eff=500000 tr=-100000       ; true  ; investment
        """)
    void explanation_required(String example, String actualSpec, boolean required, String fields) {
        YearlyActual actual = actuals(actualSpec).byYear().values().iterator().next();

        assertThat(ExplanationRule.isRequired(PLAN, actual, TOLERANCE)).isEqualTo(required);
        assertThat(String.join(",", ExplanationRule.deviatingFields(PLAN, actual, TOLERANCE))).isEqualTo(fields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        deviation with an explanation              ; 2026 inv=2000000 why=Dyrere ; false
        deviation without an explanation           ; 2026 inv=2000000            ; true
        no deviation needs none                    ; 2026 inv=1000000            ; false
        """)
    void explanation_missing(String example, String actualSpec, boolean missing) {
        YearlyActual actual = actuals(actualSpec).byYear().values().iterator().next();

        assertThat(ExplanationRule.isMissing(PLAN, actual, TOLERANCE)).isEqualTo(missing);
        assertThat(ExplanationRule.isMissing(PLAN, actual.withExplanation("  "), TOLERANCE))
                .isEqualTo(ExplanationRule.isRequired(PLAN, actual, TOLERANCE));
    }
}
