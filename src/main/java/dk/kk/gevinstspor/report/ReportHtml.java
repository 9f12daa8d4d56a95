package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.admin.Committee;
import dk.kk.gevinstspor.admin.CommitteeRepository;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.common.web.TemplateExtensions;
import dk.kk.gevinstspor.common.web.charts.BarChart;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.ReportKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The printable report page ({@code templates/ReportPages/report.html}) of a report, for both ways to it: the pages
 * ({@code report.web.ReportPages}, {@code /rapporter}) and the API's {@code ?format=html} ({@code report.rest.ReportResource}).
 * The figures are the report's JSON; the table is the one the CSV and XLSX files are written from ({@link ReportTables}).
 */
@ApplicationScoped
public class ReportHtml {

    /** The reports a page can show: the picker's value and its Danish name. */
    static final Map<String, String> REPORTS = new LinkedHashMap<>();
    static {
        REPORTS.put("majbidrag", "Majbidrag (fagudvalg)");
        REPORTS.put("oekonomiudvalget", "Økonomiudvalget og Økonomikredsen");
        REPORTS.put("it-kredsen", "IT-kredsen");
        REPORTS.put("innovation", "Innovationsforslag og foranalyser");
        REPORTS.put("rammer", "Innovationspuljens rammer");
        REPORTS.put("laan", "Lånebog");
    }

    static final String TITLE = "Opfølgning på investerings- og innovationsforslag";

    /** The status chart's category of cancelled proposals (their table rows say "Annulleret (fra …)"). */
    static final String CANCELLED = "Annulleret";

    public record Option(String value, String name, boolean selected) {
    }

    /** A chart ({@code <figure>} with its visible title, or the message of an empty one) with its table: the same figures in text. */
    public record Chart(String heading, String figure, List<String> headings, List<List<String>> rows) {
    }

    /**
     * Everything the page shows. {@code missingYears}: the years the price index lacks when the report is refused for
     * them (DOMAIN.md Edges 10), shown as a list with a way to add them: a link to the index page for admins,
     * "kontakt en administrator" for others ({@code admin}).
     */
    public record Page(String heading, String note, String report, List<Option> reports, List<Option> years,
            List<Option> committees, List<Option> digital, HtmlTable table, List<Chart> charts, String message, Downloads downloads,
            List<Integer> missingYears, boolean admin) {
    }

    /** The same report from the API as Excel and CSV files. */
    public record Downloads(String excel, String csv) {
        static Downloads of(String apiPath) {
            String separator = apiPath.contains("?") ? "&" : "?";
            return new Downloads(apiPath + separator + "format=xlsx", apiPath + separator + "format=csv");
        }
    }

    /** The template keeps the page class's folder: {@code templates/ReportPages/report.html}. */
    @CheckedTemplate(basePath = "ReportPages")
    static class Templates {
        static native TemplateInstance report(Page page);
    }

    @Inject
    CommitteeRepository committees;
    @Inject
    Today today;
    @Inject
    SecurityIdentity identity;

    /** Whether the picker offers this report ({@code majbidrag}, {@code rammer}, …). */
    public static boolean offers(String report) {
        return REPORTS.containsKey(report);
    }

    /** The page as a template instance. */
    public TemplateInstance page(Page page) {
        return Templates.report(page);
    }

    // ---- the pages, also for the API's ?format=html -----------------------------------------------------

    /** A follow-up report's page: heading, picker, charts, the table by kind with totals. */
    public TemplateInstance followUp(ReportJson report) {
        ReportKind kind = ReportKind.valueOf(report.report());
        String key = switch (kind) {
            case MAJBIDRAG -> "majbidrag";
            case FINANCE_COMMITTEE -> "oekonomiudvalget";
            case IT_KREDS -> "it-kredsen";
            case INNOVATION -> "innovation";
        };
        Optional<Boolean> digital = Optional.ofNullable(report.digital());
        String heading = TITLE + " — " + switch (kind) {
            case MAJBIDRAG -> "Majbidrag " + report.meetingYear() + ", " + committeeName(report.committee());
            case FINANCE_COMMITTEE -> "Økonomiudvalget og Økonomikredsen " + report.meetingYear();
            case IT_KREDS -> "IT-kredsen " + report.meetingYear();
            case INNOVATION -> "Innovationsforslag og foranalyser " + report.meetingYear()
                    + digital.map(d -> d ? " (digitale)" : " (ikke-digitale)").orElse("");
        };
        String amounts = report.ownPriceLevels()
                ? "Beløb i 1.000 kr. i forslagenes egne prisniveauer: der er ingen pristal, så intet er omregnet (kolonnen Prisniveau"
                        + " viser hvert forslags). "
                : "Beløb i 1.000 kr., " + ReportTables.priceLevel(report.priceLevelYear()) + ". ";
        String note = "Regnskabsår " + report.accountsYear() + ". " + amounts + report.rows().size() + " forslag.";
        HtmlTable table = HtmlTable.of(ReportTables.followUp(report), ReportTables.grandTotals(report), true);
        List<Chart> charts = new ArrayList<>();
        if (!report.rows().isEmpty()) {
            charts.add(realisationByAdministration(report));
            if (kind == ReportKind.IT_KREDS || kind == ReportKind.INNOVATION) {
                charts.add(spendByAdministration(report));
            }
            charts.add(statuses(report));
        }
        String api = "/api/reports/" + switch (kind) {
            case MAJBIDRAG -> "majbidrag/" + report.meetingYear() + "?committee=" + TemplateExtensions.urlEncode(report.committee());
            case FINANCE_COMMITTEE -> "finance-committee/" + report.meetingYear();
            case IT_KREDS -> "it-kreds/" + report.meetingYear();
            case INNOVATION -> "innovation/" + report.meetingYear() + digital.map(d -> "?digital=" + d).orElse("");
        };
        return Templates.report(new Page(heading, note, key, reports(key), years(report.meetingYear()),
                committees(report.committee()), digitalOptions(digital), table, charts, null, Downloads.of(api), List.of(), admin()));
    }

    /** The page of a follow-up report refused for missing price index years (the API's {@code ?format=html}). */
    public TemplateInstance missingPriceIndex(PriceIndexMissing e, ReportKind kind, int meetingYear, String committee,
            Optional<Boolean> digital) {
        String key = switch (kind) {
            case MAJBIDRAG -> "majbidrag";
            case FINANCE_COMMITTEE -> "oekonomiudvalget";
            case IT_KREDS -> "it-kredsen";
            case INNOVATION -> "innovation";
        };
        return Templates.report(missing(e, key, meetingYear, committee, digital));
    }

    /** The page of a report refused for missing price index years ({@code report}: the picker's value). */
    public Page missing(PriceIndexMissing e, String report, int year, String committee, Optional<Boolean> digital) {
        return new Page(TITLE, null, report, reports(report), years(year), committees(committee), digitalOptions(digital), null,
                List.of(), null, null, List.copyOf(e.years()), admin());
    }

    private boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public TemplateInstance frames(ReportJson.Frames frames) {
        String heading = TITLE + " — Innovationspuljens rammer " + frames.year();
        HtmlTable table = HtmlTable.of(ReportTables.frames(frames), null, false);
        return Templates.report(new Page(heading, "Vedtagelsesår " + frames.year() + ". Beløb i 1.000 kr.", "rammer", reports("rammer"),
                years(frames.year()), committees(null), digitalOptions(Optional.empty()), table, List.of(), null,
                Downloads.of("/api/reports/innovation-frames/" + frames.year()), List.of(), false));
    }

    public TemplateInstance loans(ReportJson.Loans loans) {
        String heading = TITLE + " — Lånebog ultimo " + loans.year();
        HtmlTable table = HtmlTable.of(ReportTables.loans(loans), null, true);
        return Templates.report(new Page(heading, "Lån og afdrag til og med " + loans.year() + ". Beløb i 1.000 kr.", "laan",
                reports("laan"), years(loans.year()), committees(null), digitalOptions(Optional.empty()), table, List.of(), null,
                Downloads.of("/api/reports/loans/" + loans.year()), List.of(), false));
    }

    // ---- charts -----------------------------------------------------------------------------------------

    /**
     * Realisation by lead administration: each administration's rows summed with the domain's
     * {@link FollowUpFigures#plus}, realised as the domain's {@link FollowUpFigures#cumulativeRealisation}. An
     * administration without planned gain has no realisation (no bar); when none has one — IT-kredsen's innovation
     * proposals and pre-analyses plan no gain — the page says so instead of drawing an empty chart.
     */
    static Chart realisationByAdministration(ReportJson report) {
        return byAdministration(report, new RatioChart("realisering", "Gevinstrealisering pr. forvaltning", "Realisering",
                "Realiseret gevinst i procent af den planlagte", "Gevinst", f -> f.cumulativePlannedGain().value(),
                f -> f.cumulativeActualGain().value(), FollowUpFigures::cumulativeRealisation,
                "Ingen tal at vise for gevinstrealisering: ingen af rapportens forslag har en planlagt gevinst til og med "
                        + report.accountsYear() + ", så der er ingen realisering at beregne."));
    }

    /**
     * Spend by lead administration (IT-kredsen and the innovation reports, whose proposals are followed up on the pool
     * money they use): Σ actual ÷ Σ planned pool money to the accounts year, the domain's {@link Ratio#between}.
     */
    static Chart spendByAdministration(ReportJson report) {
        return byAdministration(report, new RatioChart("forbrug", "Forbrugsgrad pr. forvaltning", "Forbrugsgrad",
                "Forbrugte puljemidler i procent af de planlagte", "Puljemidler", f -> f.cumulativePlannedPoolMoney().value(),
                f -> f.cumulativeActualPoolMoney().value(), f -> Ratio.between(f.cumulativeActualPoolMoney(), f.cumulativePlannedPoolMoney()),
                "Ingen tal at vise for forbrugsgraden: ingen af rapportens forslag har planlagte puljemidler til og med "
                        + report.accountsYear() + "."));
    }

    /** A ratio per administration: the chart's id, title, series, what it measures, the figures it divides, the ratio, the empty message. */
    private record RatioChart(String id, String heading, String series, String measures, String figures,
            Function<FollowUpFigures, BigDecimal> planned, Function<FollowUpFigures, BigDecimal> actual,
            Function<FollowUpFigures, Optional<Ratio>> ratio, String whenEmpty) {
    }

    private static Chart byAdministration(ReportJson report, RatioChart spec) {
        Map<String, FollowUpFigures> byAdministration = byAdministration(report);
        List<BigDecimal> values = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        byAdministration.forEach((administration, f) -> {
            BigDecimal shown = spec.ratio().apply(f).map(Ratio::shown).orElse(null);
            values.add(shown);
            rows.add(List.of(administration, TemplateExtensions.thousands(spec.planned().apply(f)), TemplateExtensions.thousands(spec.actual().apply(f)),
                    shown == null ? "–" : TemplateExtensions.percent(shown)));
        });
        BarChart chart = new BarChart(spec.id(), spec.heading(), spec.measures() + ", akkumuleret til og med " + report.accountsYear()
                + ", pr. forvaltning. Tallene står i tabellen under figuren.", List.copyOf(byAdministration.keySet()),
                List.of(new BarChart.Series(spec.series(), values)), TemplateExtensions::percent).whenEmpty(spec.whenEmpty());
        return new Chart(spec.heading(), chart.figure(), List.of("Forvaltning", spec.figures() + " plan i alt", spec.figures() + " faktisk i alt",
                spec.series()), rows);
    }

    private static Map<String, FollowUpFigures> byAdministration(ReportJson report) {
        Map<String, FollowUpFigures> byAdministration = new TreeMap<>();
        for (ReportJson.Row r : report.rows()) {
            byAdministration.merge(r.administration(), figures(r), FollowUpFigures::plus);
        }
        return byAdministration;
    }

    /**
     * How many proposals have each status, in the status colours with a pattern each and the count over each bar;
     * cancelled ones are counted as cancelled, never as a colour (DOMAIN.md Edges 8).
     */
    static Chart statuses(ReportJson report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<BarChart.Fill> fills = new ArrayList<>();
        for (FollowUpStatus s : List.of(FollowUpStatus.GREEN, FollowUpStatus.AMBER, FollowUpStatus.RED, FollowUpStatus.MISSING,
                FollowUpStatus.NOT_STARTED)) {
            counts.put(Labels.status(s.name()), 0);
            fills.add(BarChart.STATUS_FILLS.get(s.name()));
        }
        for (ReportJson.Row r : report.rows()) {
            if (r.cancelledFrom() != null && !counts.containsKey(CANCELLED)) {
                counts.put(CANCELLED, 0);
                fills.add(BarChart.STATUS_FILLS.get("CANCELLED"));
            }
            counts.merge(r.cancelledFrom() != null ? CANCELLED : Labels.status(r.status()), 1, Integer::sum);
        }
        List<String> categories = List.copyOf(counts.keySet());
        List<BigDecimal> values = counts.values().stream().map(BigDecimal::valueOf).toList();
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((status, n) -> rows.add(List.of(status, Integer.toString(n))));
        String heading = "Forslagenes status";
        BarChart chart = new BarChart("statusfordeling", heading,
                "Antal forslag med hver status for regnskabsåret " + report.accountsYear() + ". Tallene står i tabellen under figuren.",
                categories, List.of(new BarChart.Series("Antal forslag", values)), DanishNumbers::format).withCategoryFills(fills).wholeNumbers();
        return new Chart(heading, chart.figure(), List.of("Status", "Antal"), rows);
    }

    private static FollowUpFigures figures(ReportJson.Row r) {
        return new FollowUpFigures(Amount.of(r.plannedPoolMoney()), Amount.of(r.actualPoolMoney()), Amount.of(r.plannedGain()),
                Amount.of(r.actualGain()), Amount.of(r.cumulativePlannedPoolMoney()), Amount.of(r.cumulativeActualPoolMoney()),
                Amount.of(r.cumulativePlannedGain()), Amount.of(r.cumulativeActualGain()));
    }

    // ---- the picker -------------------------------------------------------------------------------------

    /** The picker alone, with a message (or null). */
    public Page empty(String message, String report, int year, String committee, Optional<Boolean> digital) {
        return new Page(TITLE, null, report, reports(report), years(year), committees(committee), digitalOptions(digital), null,
                List.of(), message, null, List.of(), admin());
    }

    private static List<Option> reports(String chosen) {
        return REPORTS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(chosen))).toList();
    }

    private List<Option> years(int chosen) {
        List<Option> years = new ArrayList<>();
        for (int y = today.year() + 1; y >= today.year() - 10; y--) {
            years.add(new Option(Integer.toString(y), Integer.toString(y), y == chosen));
        }
        return years;
    }

    private List<Option> committees(String chosen) {
        return committees.listInOrder().stream().map(c -> new Option(c.code, c.name, c.code.equals(chosen))).toList();
    }

    private static List<Option> digitalOptions(Optional<Boolean> digital) {
        return List.of(new Option("", "Alle", digital.isEmpty()), new Option("ja", "Kun digitale", digital.equals(Optional.of(true))),
                new Option("nej", "Kun ikke-digitale", digital.equals(Optional.of(false))));
    }

    private String committeeName(String code) {
        return code == null ? "" : committees.findByIdOptional(code).map((Committee c) -> c.name).orElse(code);
    }

}
