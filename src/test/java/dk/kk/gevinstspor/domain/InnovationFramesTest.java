package dk.kk.gevinstspor.domain;

import static dk.kk.gevinstspor.domain.Fixtures.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InnovationFramesTest {

    private static Proposal innovation(String reference, long money, AdoptionRound round) {
        return Fixtures.innovation("2024 inv=" + money).reference(reference).adoptionRound(round).build();
    }

    private static Proposal preAnalysis(long money, boolean crossCutting) {
        Proposal.Builder b = Fixtures.preAnalysis("2024 inv=" + money, Map.of(2025, kr(money)))
                .adoptionRound(AdoptionRound.TRANSFER_CASE);
        if (crossCutting) {
            b.administrations(Fixtures.threeAdministrations()).loan(null);
        }
        return b.build();
    }

    @Test
    void E6_two_innovation_proposals_and_a_pre_analysis_at_the_2024_transfer_case() {
        List<Proposal> proposals = List.of(innovation("A", 2_000_000, AdoptionRound.TRANSFER_CASE),
                innovation("B", 2_000_000, AdoptionRound.TRANSFER_CASE), preAnalysis(900_000, false));

        FrameReport report = InnovationFrames.allocate(2024, FrameLimits.defaults(), proposals, p -> Actuals.none());

        assertThat(report.adoptionYear()).isEqualTo(2024);
        assertThat(report.frames()).containsExactly(
                new FrameAllocation(Frame.TRANSFER_CASE, kr(10_000_000), kr(4_900_000)),
                new FrameAllocation(Frame.BUDGET, kr(5_000_000), kr(0)),
                new FrameAllocation(Frame.PRE_ANALYSIS_ADMINISTRATION, kr(3_000_000), kr(900_000)),
                new FrameAllocation(Frame.PRE_ANALYSIS_CROSS_CUTTING, kr(1_000_000), kr(0)),
                new FrameAllocation(Frame.TOTAL, kr(15_000_000), kr(4_900_000)));
        assertThat(report.frames()).noneMatch(FrameAllocation::exceeded);
    }

    @Test
    void a_frame_is_exceeded_when_allocated_is_above_its_limit() {
        List<Proposal> proposals = List.of(innovation("A", 2_000_000, AdoptionRound.BUDGET),
                innovation("B", 2_000_000, AdoptionRound.BUDGET), innovation("C", 1_000_001, AdoptionRound.BUDGET),
                preAnalysis(1_000_000, true));

        FrameReport report = InnovationFrames.allocate(2024, FrameLimits.defaults(), proposals, p -> Actuals.none());

        assertThat(report.frame(Frame.BUDGET).allocated()).isEqualTo(kr(5_000_001));
        assertThat(report.frame(Frame.BUDGET).exceeded()).isTrue();
        assertThat(report.frame(Frame.PRE_ANALYSIS_CROSS_CUTTING).allocated()).isEqualTo(kr(1_000_000));
        assertThat(report.frame(Frame.PRE_ANALYSIS_CROSS_CUTTING).exceeded()).isFalse();
        assertThat(report.frame(Frame.TOTAL).allocated()).isEqualTo(kr(6_000_001));
    }

    @Test
    void investment_proposals_and_other_years_do_not_count_and_a_cancelled_one_counts_what_it_used() {
        Proposal cancelled = innovation("A", 2_000_000, AdoptionRound.BUDGET).toBuilder().cancellation(new Cancellation(2024)).build();
        Proposal investment = Fixtures.investment("2024 inv=3000000 | 2025 eff=1000000").build();
        Proposal otherYear = innovation("C", 1_000_000, AdoptionRound.BUDGET).toBuilder().adoptionYear(2025).build();

        FrameReport report = InnovationFrames.allocate(2024, FrameLimits.defaults(), List.of(cancelled, investment, otherYear), p -> Actuals.none());

        assertThat(report.frames()).allMatch(f -> f.allocated().isZero());
        assertThat(InnovationFrames.framesOf(cancelled)).containsExactly(Frame.BUDGET, Frame.TOTAL);
        assertThat(InnovationFrames.framesOf(investment)).isEmpty();
        assertThat(InnovationFrames.framesOf(otherYear)).containsExactly(Frame.BUDGET, Frame.TOTAL);
    }

    @Test
    void limits_are_editable_and_refuse_missing_or_negative_limits() {
        FrameLimits limits = FrameLimits.defaults().with(Frame.BUDGET, kr(1_000_000));

        FrameReport report = InnovationFrames.allocate(2024, limits, List.of(innovation("A", 1_500_000, AdoptionRound.BUDGET)), p -> Actuals.none());

        assertThat(limits.limit(Frame.BUDGET)).isEqualTo(kr(1_000_000));
        assertThat(report.frame(Frame.BUDGET).exceeded()).isTrue();
        assertThatThrownBy(() -> FrameLimits.defaults().with(Frame.TOTAL, kr(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameLimits(new EnumMap<>(Frame.class))).isInstanceOf(IllegalArgumentException.class);
    }
}
