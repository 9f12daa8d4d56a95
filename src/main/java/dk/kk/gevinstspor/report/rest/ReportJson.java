package dk.kk.gevinstspor.report.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.ReportRow;

/** The JSON of the follow-up reports (API.md, Reports); amounts in kroner at the report's price level. */
@Schema(name = "FollowUpReport")
public record ReportJson(String report, int meetingYear, int accountsYear, String committee, Boolean digital, int priceLevelYear,
        List<Row> rows, Totals totals) {

    public record Row(String reference, String title, String administration, String kind, String status, boolean fullyImplemented,
            boolean cancelled, BigDecimal treasuryReturn, BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney,
            BigDecimal plannedGain, BigDecimal actualGain, BigDecimal cumulativePlannedPoolMoney,
            BigDecimal cumulativeActualPoolMoney, BigDecimal cumulativePlannedGain, BigDecimal cumulativeActualGain,
            BigDecimal realisation, BigDecimal spendRatio, List<Target> targets, String loanStatus, int pendingDecisions,
            String explanation) {

        public static Row of(ReportRow r) {
            FollowUpFigures f = r.figures();
            return new Row(r.reference(), r.title(), r.administration(), r.kind().name(), r.status().name(), r.fullyImplemented(),
                    r.cancelled(), r.treasuryReturn().map(a -> a.value()).orElse(null), f.plannedPoolMoney().value(),
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
