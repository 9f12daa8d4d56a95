package dk.kk.gevinstspor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EntryDeadlineTest {

    @Test
    void the_figures_of_a_year_are_due_on_the_day_of_the_next_year_and_late_after_it() {
        EntryDeadline d = EntryDeadline.DEFAULT;
        assertThat(d.dueDate(2026)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(d.danish(2026)).isEqualTo("1. marts 2027");
        assertThat(d.isOverdue(2026, LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(d.isOverdue(2026, LocalDate.of(2027, 3, 2))).isTrue();
        assertThat(new EntryDeadline(31, 12).danish(2026)).isEqualTo("31. december 2027");
    }

    @Test
    void only_a_day_of_every_year_is_a_deadline() {
        assertThat(EntryDeadline.errors(28, 2)).isEmpty();
        assertThat(EntryDeadline.errors(29, 2)).extracting(ValidationError::code).containsExactly("DAY_NOT_IN_MONTH");
        assertThat(EntryDeadline.errors(31, 4)).extracting(ValidationError::message).containsExactly("Den 31. april findes ikke");
        assertThat(EntryDeadline.errors(0, 13)).extracting(ValidationError::code).containsExactlyInAnyOrder("DAY_INVALID", "MONTH_INVALID");
        assertThat(EntryDeadline.errors(null, null)).extracting(ValidationError::field).containsExactlyInAnyOrder("day", "month");
        assertThatThrownBy(() -> new EntryDeadline(30, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_headline_sums_each_price_level_converted_once_and_counts_by_status() {
        PriceIndex index = new PriceIndex(Map.of(2026, new java.math.BigDecimal("100"), 2030, new java.math.BigDecimal("110")));
        PortfolioHeadline h = PortfolioHeadline.of(2029, 2030, List.of(
                new PortfolioHeadline.Group(2026, FollowUpStatus.GREEN, 2, Amount.of(1_000_000), Amount.of(1_000_000)),
                new PortfolioHeadline.Group(2026, FollowUpStatus.RED, 1, Amount.of(500_000), Amount.of(0)),
                new PortfolioHeadline.Group(2030, FollowUpStatus.MISSING, 3, Amount.of(100_000), Amount.of(0))), index);
        assertThat(h.followedUp()).isEqualTo(6);
        assertThat(h.count(FollowUpStatus.GREEN)).isEqualTo(2);
        assertThat(h.count(FollowUpStatus.AMBER)).isZero();
        assertThat(h.plannedGain()).contains(Amount.of(1_750_000));
        assertThat(h.actualGain()).contains(Amount.of(1_100_000));
        assertThat(h.realisation().orElseThrow().shown()).isEqualByComparingTo("0.629");

        PortfolioHeadline missing = PortfolioHeadline.of(2029, 2031, List.of(
                new PortfolioHeadline.Group(2026, FollowUpStatus.GREEN, 1, Amount.of(1), Amount.of(1))), index);
        assertThat(missing.plannedGain()).isEmpty();
        assertThat(missing.realisation()).isEqualTo(Optional.empty());
        assertThat(missing.missingPriceIndexYears()).containsExactly(2031);
        assertThat(PortfolioHeadline.of(2029, 2030, List.of(), index).followedUp()).isZero();
    }
}
