package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.admin.AdministrationRepository;
import dk.kk.gevinstspor.admin.CommitteeRepository;
import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.LoanStatus;
import dk.kk.gevinstspor.domain.MissingPriceIndexException;
import dk.kk.gevinstspor.domain.PriceIndex;
import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.domain.ReportMembership;
import dk.kk.gevinstspor.domain.ReportRow;
import dk.kk.gevinstspor.domain.ReportScope;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;
import dk.kk.gevinstspor.portfolio.Stored;

/**
 * The follow-up reports of DOMAIN.md (Reports): which proposals belong (the domain's {@link ReportMembership}),
 * each one's row ({@link ReportRow}) and the totals, at the report's price level. Proposals and actuals are read
 * in two SQL statements whatever the report's size ({@link Portfolio}, pre-filtered by the report's {@link Selection}).
 */
@ApplicationScoped
public class ReportService {

    @Inject
    Portfolio portfolio;
    @Inject
    Evaluator evaluator;
    @Inject
    AdministrationRepository administrations;
    @Inject
    CommitteeRepository committees;
    @Inject
    SettingsService settingsService;

    /** A follow-up report for meeting year R (accounts year R − 1) at the price level of R or the one asked for. */
    @Transactional
    @ReportTimed
    public ReportJson followUp(ReportKind kind, int meetingYear, String committee, Optional<Boolean> digital, Integer priceLevelYear) {
        ReportScope scope = switch (kind) {
            case MAJBIDRAG -> {
                if (committee == null || committees.findByIdOptional(committee).isEmpty()) {
                    throw committee == null
                            ? ApiException.unprocessable("A majbidrag is for one committee: ?committee=BUU.", List.of(new Problem.Error(
                                    "committee", null, null, "COMMITTEE_REQUIRED", "Vælg et udvalg")))
                            : ApiException.notFound("No committee has the code " + committee + ".");
                }
                Map<String, String> committeeOf = administrations.listAll().stream()
                        .collect(Collectors.toMap(a -> a.code, a -> a.committeeCode));
                yield ReportScope.majbidrag(meetingYear, committee, committeeOf);
            }
            case FINANCE_COMMITTEE -> ReportScope.financeCommittee(meetingYear);
            case IT_KREDS -> ReportScope.itKreds(meetingYear);
            case INNOVATION -> ReportScope.innovation(meetingYear, digital);
        };
        Selection.InReport selection = new Selection.InReport(scope);
        int accountsYear = scope.accountsYear();
        int toYear = priceLevelYear == null ? meetingYear : priceLevelYear;
        PriceIndex index = settingsService.priceIndex();
        Map<Long, Long> pending = portfolio.pendingDecisions(selection);
        Rows rows = new Rows(index, toYear);
        portfolio.each(selection, p -> {
            ReportRow row = ReportRow.of(p.proposal(), p.actuals(), accountsYear, evaluator, pending.getOrDefault(p.id(), 0L).intValue());
            rows.add(row, row.cancelled() ? p.proposal().cancellation().effectiveYear() : null);
        });
        rows.requirePriceIndex();
        rows.converted.sort(Comparator.comparing(ReportJson.Row::reference));
        // the empty table converts nothing: the report is in its proposals' own price levels, labelled with none
        return new ReportJson(kind.name(), meetingYear, accountsYear, committee, digital.orElse(null),
                index.isEmpty() ? null : toYear, index.isEmpty(), rows.converted, ReportJson.Totals.of(rows.totals));
    }

    /**
     * A report's rows, each converted to the target year's price level as it is read, so that the heap holds the
     * finished rows only (a majbidrag of 101,000 rows: bench/RESULTS.md), with their totals and every member's price
     * level year.
     */
    private static final class Rows {

        private final PriceIndex index;
        private final int toYear;
        private final List<ReportJson.Row> converted = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private FollowUpFigures totals = FollowUpFigures.zero();

        Rows(PriceIndex index, int toYear) {
            this.index = index;
            this.toYear = toYear;
        }

        /** A member's row, unconverted, with the effective year of its cancellation when it is cancelled by the accounts year. */
        void add(ReportRow row, Integer cancelledFrom) {
            levels.add(row.priceLevelYear());
            if (index.missingYears(List.of(row.priceLevelYear(), toYear)).isEmpty()) { // else the report is refused
                ReportRow in = row.converted(index, toYear);
                totals = ReportRow.totals(List.of(in)).plus(totals);
                converted.add(ReportJson.Row.of(in, cancelledFrom));
            }
        }

        /**
         * DOMAIN.md Edges 10: the report needs the index of each member's price level year and of the target year; a
         * non-empty table lacking any of them refuses the report naming every missing year at once.
         */
        void requirePriceIndex() {
            Set<Integer> needed = new TreeSet<>(levels);
            needed.add(toYear);
            try {
                index.requireYears(needed);
            } catch (MissingPriceIndexException e) {
                throw new PriceIndexMissing(e.years(), toYear, PriceIndexMissing.count(levels));
            }
        }
    }

    /** The innovation-pool frames of an adoption year (API.md). */
    @Transactional
    @ReportTimed("INNOVATION_FRAMES")
    public ReportJson.Frames frames(int adoptionYear) {
        FrameReport report = portfolio.frames(adoptionYear);
        return new ReportJson.Frames(adoptionYear, report.frames().stream().map(f -> new ReportJson.Frame(f.frame().name(),
                f.limit().value(), f.allocated().value(), f.exceeded())).toList());
    }

    /** The loan book at the end of a year: every loan with what is scheduled, repaid and outstanding. */
    @Transactional
    @ReportTimed("LOANS")
    public ReportJson.Loans loans(int year) {
        List<ReportJson.LoanRow> rows = new ArrayList<>();
        for (Stored p : portfolio.list(new Selection.WithLoan())) {
            LoanStatus s = LoanStatus.at(p.proposal().loan(), p.actuals(), year);
            rows.add(new ReportJson.LoanRow(p.proposal().reference(), p.proposal().leadAdministration(), s.principal().value(),
                    s.scheduledToDate().value(), s.repaidToDate().value(), s.outstanding().value(), s.status().name()));
        }
        return new ReportJson.Loans(year, rows, new ReportJson.LoanTotals(sum(rows, ReportJson.LoanRow::principal),
                sum(rows, ReportJson.LoanRow::scheduledToDate), sum(rows, ReportJson.LoanRow::repaidToDate),
                sum(rows, ReportJson.LoanRow::outstanding)));
    }

    private static BigDecimal sum(List<ReportJson.LoanRow> rows, java.util.function.Function<ReportJson.LoanRow, BigDecimal> f) {
        return Amount.sum(rows.stream().map(r -> Amount.of(f.apply(r))).toList()).value();
    }

}
