package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.Payback;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.rules.Finding;

/** The evaluation of a proposal for an accounts year (API.md, Evaluation), as the domain computed it. */
@Schema(name = "Evaluation")
public record EvaluationJson(String reference, int year,
        @Schema(description = "The year whose figures, targets, status and conditions are shown: the year, or the earlier"
                + " year follow-up ended (fully implemented or cancelled; DOMAIN.md Edges 8)") int followUpYear,
        @Schema(description = "Years, one decimal; null means never paid back") PaybackJson payback,
        RealisationJson realisation,
        @Schema(description = "Σ actual pool money / Σ planned pool money to the year; null when nothing was planned") BigDecimal spendRatio,
        String status, List<TargetJson> targets, boolean fullyImplemented, Integer fullyImplementedYear,
        List<ConditionJson> fullyImplementedConditions, LoanJson loan, boolean cancelled,
        @Schema(description = "Planned and actual pool money and gain, the year and cumulative, in kroner") FiguresJson figures,
        List<ProposalJson.Finding> findings) {

    public record PaybackJson(BigDecimal service, BigDecimal total, BigDecimal simpleService) {
    }

    public record RealisationJson(BigDecimal year, BigDecimal cumulative,
            @Schema(description = "True when the analysis unit decided to follow up only implementation and costs") boolean notDue) {
    }

    public record TargetJson(String code, String type, String status, int overdueYears) {
    }

    public record ConditionJson(String condition, boolean holds,
            @Schema(description = "False for a condition that holds without being judged (the permanent gain when effects"
                    + " are not followed up, DOMAIN.md Edges 4)") boolean judged) {
    }

    public record LoanJson(String status, BigDecimal principal, BigDecimal scheduledToDate, BigDecimal repaidToDate,
            BigDecimal outstanding) {
    }

    public record FiguresJson(BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney, BigDecimal plannedGain,
            BigDecimal actualGain, BigDecimal cumulativePlannedPoolMoney, BigDecimal cumulativeActualPoolMoney,
            BigDecimal cumulativePlannedGain, BigDecimal cumulativeActualGain) {
    }

    public static EvaluationJson of(String reference, Evaluation e, List<Finding> findings) {
        FollowUpFigures f = e.figures();
        return new EvaluationJson(reference, e.year(), e.followUpYear(),
                new PaybackJson(shown(e.payback().service()), shown(e.payback().total()), shown(e.payback().simpleService())),
                new RealisationJson(e.realisation().year().map(Ratio::shown).orElse(null),
                        e.realisation().cumulative().map(Ratio::shown).orElse(null), e.realisation().notDue()),
                e.spendRatio().map(Ratio::shown).orElse(null),
                e.status().name(),
                e.targets().stream().map(t -> new TargetJson(t.code(), t.type().name(), t.status().name(), t.overdueYears())).toList(),
                e.fullyImplemented().isFullyImplemented(), e.fullyImplemented().year().orElse(null),
                e.fullyImplemented().conditions().stream().map(c -> new ConditionJson(c.condition().name(), c.holds(), c.judged())).toList(),
                e.loan().map(l -> new LoanJson(l.status().name(), l.principal().value(), l.scheduledToDate().value(),
                        l.repaidToDate().value(), l.outstanding().value())).orElse(null),
                e.cancelled(),
                new FiguresJson(f.plannedPoolMoney().value(), f.actualPoolMoney().value(), f.plannedGain().value(),
                        f.actualGain().value(), f.cumulativePlannedPoolMoney().value(), f.cumulativeActualPoolMoney().value(),
                        f.cumulativePlannedGain().value(), f.cumulativeActualGain().value()),
                findings.stream().map(x -> new ProposalJson.Finding(x.code().name(), x.severity(), x.message())).toList());
    }

    private static BigDecimal shown(Payback payback) {
        return payback.shown().orElse(null);
    }
}
