package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.actuals;
import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoanStatusTest {

    /** E5: pre-analysis of 600.000, loan 600.000 in 2021, repay 300.000 in 2022 and 2023. */
    private static final Loan E5 = new Loan(kr(600_000), 2021, Map.of(2022, kr(300_000), 2023, kr(300_000)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        E5 in 2021 nothing is due yet      ; 2021 inv=600000                                 ; 2021 ; ON_SCHEDULE ; 0      ; 0      ; 600000
        E5 in 2022 on schedule             ; 2021 inv=600000 | 2022 rep=300000               ; 2022 ; ON_SCHEDULE ; 300000 ; 300000 ; 300000
        E5 in 2023 repaid                  ; 2021 inv=600000 | 2022 rep=300000 | 2023 rep=300000 ; 2023 ; REPAID ; 600000 ; 600000 ; 0
        a repayment short is behind        ; 2022 rep=200000                                 ; 2022 ; BEHIND      ; 300000 ; 200000 ; 400000
        no repayment at all is behind      ; 2021 inv=600000                                 ; 2023 ; BEHIND      ; 600000 ; 0      ; 600000
        repaying ahead of plan is on schedule ; 2022 rep=500000                              ; 2022 ; ON_SCHEDULE ; 300000 ; 500000 ; 100000
        repaying more than the principal leaves nothing outstanding ; 2022 rep=700000        ; 2022 ; REPAID      ; 300000 ; 700000 ; 0
        """)
    void loan_status_at_the_end_of_the_year(String example, String actualsSpec, int year, RepaymentStatus status,
                                            long scheduled, long repaid, long outstanding) {
        LoanStatus loan = LoanStatus.at(E5, actuals(actualsSpec), year);

        assertThat(loan).isEqualTo(new LoanStatus(status, kr(600_000), kr(scheduled), kr(repaid), kr(outstanding)));
    }

    @Test
    void a_loan_knows_its_schedule_total_and_window() {
        assertThat(E5.scheduledTotal()).isEqualTo(kr(600_000));
        assertThat(E5.scheduledUpTo(2022)).isEqualTo(kr(300_000));
        assertThat(E5.lastAllowedYear()).isEqualTo(2027);
        assertThat(E5.schedule().keySet()).containsExactly(2022, 2023);
    }

    @Test
    void a_loan_refuses_negative_principal_and_repayments() {
        assertThatThrownBy(() -> new Loan(kr(-1), 2021, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Loan(kr(1), 2021, Map.of(2022, kr(-1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
