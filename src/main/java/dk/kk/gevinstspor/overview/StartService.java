package dk.kk.gevinstspor.overview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.actuals.EntryOverview;
import dk.kk.gevinstspor.actuals.imports.ImportLogRepository;
import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.decision.DecisionService;
import dk.kk.gevinstspor.domain.EntryDeadline;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.PortfolioHeadline;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.Severity;
import dk.kk.gevinstspor.proposal.ProposalService;

/**
 * What the start page ({@code /}) shows each role, gathered from the features' services: the entry user's figures due
 * (the entry list's own selection, {@link EntryOverview}) with the deadline; the year's headline figures from the
 * evaluation snapshots; and for admins what awaits them. Every read is set-based or bounded: nothing evaluates the
 * whole portfolio proposal by proposal (the findings' texts are worked out for the few proposals shown).
 */
@ApplicationScoped
public class StartService {

    /** How many proposals with findings, and imports, the admins' start page lists. */
    static final int LISTED = 10;

    /** The accounts year's figures the entry user owes: the entry list's lines and counts, and the deadline. */
    public record EntryDue(int year, String deadline, boolean overdue, EntryOverview.Summary summary) {

        /** True when figures are still missing or need an explanation. */
        public boolean open() {
            return summary.missing() + summary.explanationNeeded() > 0;
        }
    }

    /** A proposal with ERROR or WARNING findings and their Danish messages (errors first). */
    public record FindingLine(String reference, String title, boolean error, List<String> messages) {
    }

    /** What awaits an admin. */
    public record AdminTasks(List<DecisionJson.Response> pendingDecisions, List<Integer> missingPriceIndexYears,
            List<FindingLine> findings, long proposalsWithFindings, List<ImportLogRepository.ImportRun> imports) {
    }

    @Inject
    EntryOverview entries;
    @Inject
    SettingsService settings;
    @Inject
    DecisionService decisions;
    @Inject
    ProposalService proposals;
    @Inject
    StartRepository repository;
    @Inject
    ImportLogRepository importLog;
    @Inject
    Today today;

    /** The caller's proposals needing figures for the accounts year (last year), their counts, and the deadline. */
    @Transactional
    public EntryDue entryDue() {
        int year = today.lastCompletedYear();
        EntryDeadline deadline = settings.entryDeadline();
        return new EntryDue(year, deadline.danish(year), deadline.isOverdue(year, today.date()), entries.summary(year, null));
    }

    /** The accounts year's headline figures, amounts in this year's price level (the meeting year's, as the reports). */
    @Transactional
    public PortfolioHeadline headline() {
        int year = today.lastCompletedYear();
        return PortfolioHeadline.of(year, today.year(), repository.headline(year), settings.priceIndex());
    }

    /** Pending decisions, missing price index years, proposals with findings, the latest imports. */
    @Transactional
    public AdminTasks adminTasks() {
        List<Integer> missing = settings.priceIndexNeeds().stream().filter(SettingsService.PriceIndexNeed::missing)
                .map(SettingsService.PriceIndexNeed::year).toList();
        List<StartRepository.WithFindings> found = repository.withFindings(today.lastCompletedYear(), LISTED);
        Map<Integer, FrameReport> frames = new HashMap<>();
        List<FindingLine> lines = found.stream().map(f -> {
            List<Finding> all = proposals.findings(proposals.stored(f.reference()).proposal(), frames);
            List<String> messages = all.stream().filter(x -> x.severity() != Severity.INFO)
                    .sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).map(Finding::message).toList();
            return new FindingLine(f.reference(), f.title(), f.errors() > 0, messages);
        }).toList();
        return new AdminTasks(decisions.pending(), missing, lines, found.isEmpty() ? 0 : found.get(0).total(),
                importLog.latest(LISTED));
    }
}
