package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaybackCalculatorTest {

    @ParameterizedTest(name = "{0}: service {2}, total {3}, simple {4}")
    @CsvSource(delimiter = ';', nullValues = "never", textBlock = """
        # example                                  ; plan                                                                        ; service ; total ; simple
        DOMAIN.md worked example                   ; 2026 inv=3000000 | 2027 inv=1000000 eff=500000 | 2028 eff=1500000 | 2029 eff=2000000 ; 4.0 ; 4.0 ; 2.0
        E2 paid back within the first year         ; 2021 inv=100000 eff=200000 | 2022 eff=200000                                 ; 0.5     ; 0.5   ; 0.5
        E3 no permanent gain is never              ; 2021 inv=1000000 | 2022 eff=100000 cost=100000                              ; never   ; never ; never
        E7 second investment later                 ; 2021 eff=100000 | 2022 inv=150000 eff=100000 | 2023 eff=100000             ; 1.5     ; 1.5   ; 1.5
        E7 with 10.000 more in 2021                ; 2021 inv=10000 eff=100000 | 2022 inv=150000 eff=100000 | 2023 eff=100000   ; 1.6     ; 1.6   ; 1.6
        no investment pays back at once            ; 2026 eff=100000                                                             ; 0.0     ; 0.0   ; 0.0
        balance negative after P continues at P    ; 2026 inv=1000000 | 2027 eff=100000                                          ; 11.0    ; 11.0  ; 10.0
        permanent loss never pays back             ; 2026 eff=500000 | 2027 cost=1                                                ; never   ; never ; never
        zero gain after a paid-back plan           ; 2026 inv=100000 eff=300000 | 2027                                            ; 0.3     ; 0.3   ; never
        transfers count only in the total economy  ; 2026 inv=600000 tr=300000 | 2027 eff=100000 tr=200000                       ; 7.0     ; 2.0   ; 6.0
        transfers losses lengthen the total        ; 2026 inv=200000 | 2027 eff=200000 tr=-100000                                 ; 2.0     ; 3.0   ; 1.0
        """)
    void payback_as_domain_defines_it(String example, String planSpec, BigDecimal service, BigDecimal total,
                                      BigDecimal simple) {
        PaybackFigures figures = PaybackCalculator.figures(plan(planSpec));

        assertShown(figures.service(), service);
        assertShown(figures.total(), total);
        assertShown(figures.simpleService(), simple);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        payback in the first year is a fraction of it   ; 2021 inv=100000 eff=400000 | 2022 eff=400000 ; 0.25
        worked example is exactly four years            ; 2026 inv=3000000 | 2027 inv=1000000 eff=500000 | 2028 eff=1500000 | 2029 eff=2000000 ; 4
        one third of a year is kept unrounded            ; 2026 inv=100000 eff=300000 | 2027 eff=300000 ; 0.3333333333333333333333333333333333
        """)
    void payback_is_kept_unrounded(String example, String planSpec, BigDecimal years) {
        Payback payback = PaybackCalculator.payback(plan(planSpec), GainBasis.SERVICE);

        assertThat(payback.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(years));
    }

    @org.junit.jupiter.api.Test
    void transfers_proposals_are_judged_on_the_total_economy() {
        YearlyPlan p = plan("2026 inv=600000 tr=300000 | 2027 eff=100000 tr=200000");

        assertThat(PaybackCalculator.figures(p).on(GainBasis.TOTAL)).isEqualTo(PaybackCalculator.payback(p, GainBasis.TOTAL));
        assertThat(PaybackCalculator.figures(p).on(GainBasis.SERVICE)).isEqualTo(PaybackCalculator.payback(p, GainBasis.SERVICE));
        assertThat(PaybackCalculator.payback(p, GainBasis.TOTAL).shown()).contains(new BigDecimal("2.0"));
    }

    static void assertShown(Payback payback, BigDecimal expected) {
        if (expected == null) {
            assertThat(payback.isNever()).as("never").isTrue();
            assertThat(payback).isEqualTo(Payback.never());
        } else {
            assertThat(payback.shown()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
            assertThat(payback.shown().orElseThrow().scale()).isEqualTo(1);
        }
    }
}
