package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.ReportRow;

/**
 * The JSON of the follow-up reports (API.md, Reports); amounts in kroner at the report's price level
 * ({@code priceLevelYear}), or, when the price index is empty, in each row's own price level: then
 * {@code priceLevelYear} is null and {@code ownPriceLevels} true (DOMAIN.md Edges 10).
 */
@Schema(name = "FollowUpReport")
public record ReportJson(String report, int meetingYear, int accountsYear, String committee, Boolean digital,
        @Schema(description = "The price level year the amounts are converted to; null when the price index is empty and "
                + "each row is in its own price level") Integer priceLevelYear,
        @Schema(description = "True when the price index is empty: nothing is converted, each row's amounts are in the "
                + "row's own priceLevelYear") boolean ownPriceLevels,
        List<Row> rows, Totals totals) {

    /**
     * One proposal's row. {@code priceLevelYear} is the price level of the row's amounts (the report's, or the
     * proposal's own when nothing is converted); {@code cancelledFrom} the effective year of a cancellation in effect
     * by the accounts year (its status is then shown as "Annulleret (fra …)", never as a colour), else null.
     */
    public record Row(String reference, String title, String administration, String kind, String status, boolean fullyImplemented,
            boolean cancelled, Integer cancelledFrom, int priceLevelYear, BigDecimal treasuryReturn, BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney,
            BigDecimal plannedGain, BigDecimal actualGain, BigDecimal cumulativePlannedPoolMoney,
            BigDecimal cumulativeActualPoolMoney, BigDecimal cumulativePlannedGain, BigDecimal cumulativeActualGain,
            BigDecimal realisation, BigDecimal spendRatio, List<Target> targets, String loanStatus, int pendingDecisions,
            String explanation) {

        /** @param cancelledFrom the effective year of the row's cancellation when {@code r.cancelled()}, else null */
        public static Row of(ReportRow r, Integer cancelledFrom) {
            FollowUpFigures f = r.figures();
            return new Row(r.reference(), r.title(), r.administration(), r.kind().name(), r.status().name(), r.fullyImplemented(),
                    r.cancelled(), r.cancelled() ? cancelledFrom : null, r.priceLevelYear(), r.treasuryReturn().map(a -> a.value()).orElse(null), f.plannedPoolMoney().value(),
                    f.actualPoolMoney().value(), f.plannedGain().value(), f.actualGain().value(),
                    f.cumulativePlannedPoolMoney().value(), f.cumulativeActualPoolMoney().value(),
                    f.cumulativePlannedGain().value(), f.cumulativeActualGain().value(),
                    r.realisation().map(Ratio::shown).orElse(null), r.spendRatio().map(Ratio::shown).orElse(null),
                    r.targets().stream().map(t -> new Target(t.code(), t.status().name())).toList(),
                    r.loan().map(l -> l.status().name()).orElse(null), r.pendingDecisions(), r.explanation());
        }
    }

    public record Target(String code, String status) {
    }

    public record Totals(BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney, BigDecimal plannedGain, BigDecimal actualGain,
            BigDecimal cumulativePlannedPoolMoney, BigDecimal cumulativeActualPoolMoney, BigDecimal cumulativePlannedGain,
            BigDecimal cumulativeActualGain) {

        public static Totals of(FollowUpFigures f) {
            return new Totals(f.plannedPoolMoney().value(), f.actualPoolMoney().value(), f.plannedGain().value(), f.actualGain().value(),
                    f.cumulativePlannedPoolMoney().value(), f.cumulativeActualPoolMoney().value(), f.cumulativePlannedGain().value(),
                    f.cumulativeActualGain().value());
        }
    }

    /** API.md: innovation-pool frames of an adoption year. */
    @Schema(name = "FrameReport")
    public record Frames(int year, List<Frame> frames) {
    }

    public record Frame(String frame, BigDecimal limit, BigDecimal allocated, boolean exceeded) {
    }

    /** API.md: the loan book at the end of a year. */
    @Schema(name = "LoanBook")
    public record Loans(int year, List<LoanRow> loans, LoanTotals totals) {
    }

    public record LoanRow(String reference, String administration, BigDecimal principal, BigDecimal scheduledToDate,
            BigDecimal repaidToDate, BigDecimal outstanding, String status) {
    }

    public record LoanTotals(BigDecimal principal, BigDecimal scheduledToDate, BigDecimal repaidToDate, BigDecimal outstanding) {
    }
}
