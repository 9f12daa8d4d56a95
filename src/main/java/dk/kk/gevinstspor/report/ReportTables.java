package dk.kk.gevinstspor.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.common.web.Labels;

/** The reports as {@link Table}s for the CSV and XLSX files, with Danish headings and labels. */
public final class ReportTables {

    private ReportTables() {
    }

    /**
     * The follow-up reports' columns, in the page's order: the proposal, the accounts year's figures and the cumulative
     * figures as two groups, then the detail columns the page may hide (always printed and exported).
     */
    public static Table followUp(ReportJson report) {
        int a = report.accountsYear();
        String year = "Regnskabsår " + a;
        String cumulative = "I alt til og med " + a;
        List<Table.Column> columns = List.of(text("Reference"), text("Titel"), text("Forvaltning"), text("Status"),
                grouped(year, "Puljemidler plan", "Puljemidler plan " + a, Table.Kind.AMOUNT),
                grouped(year, "Puljemidler faktisk", "Puljemidler faktisk " + a, Table.Kind.AMOUNT),
                grouped(year, "Gevinst plan", "Gevinst plan " + a, Table.Kind.AMOUNT),
                grouped(year, "Gevinst faktisk", "Gevinst faktisk " + a, Table.Kind.AMOUNT),
                grouped(cumulative, "Puljemidler plan", "Puljemidler plan i alt", Table.Kind.AMOUNT),
                grouped(cumulative, "Puljemidler faktisk", "Puljemidler faktisk i alt", Table.Kind.AMOUNT),
                grouped(cumulative, "Gevinst plan", "Gevinst plan i alt", Table.Kind.AMOUNT),
                grouped(cumulative, "Gevinst faktisk", "Gevinst faktisk i alt", Table.Kind.AMOUNT),
                grouped(cumulative, "Realisering", "Realisering", Table.Kind.RATIO),
                grouped(cumulative, "Forbrugsgrad", "Forbrugsgrad", Table.Kind.RATIO),
                amount("Tilbageført til kassen").asDetail(), new Table.Column("Fuldt implementeret", Table.Kind.YES_NO).asDetail(),
                new Table.Column("Annulleret", Table.Kind.YES_NO).asDetail(), text("Mål").asDetail(), text("Lån").asDetail(),
                new Table.Column("Verserende ændringer", Table.Kind.NUMBER).asDetail(), text("Forklaring").asDetail(),
                text("Prisniveau").asDetail());
        Map<String, List<ReportJson.Row>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("INVESTMENT", "INNOVATION", "PRE_ANALYSIS")) {
            List<ReportJson.Row> rows = report.rows().stream().filter(r -> r.kind().equals(kind)).toList();
            if (!rows.isEmpty()) {
                byKind.put(kind, rows);
            }
        }
        List<Table.Section> sections = new ArrayList<>();
        byKind.forEach((kind, rows) -> sections.add(new Table.Section(Labels.KIND_PLURAL.get(kind), rows.stream().map(ReportTables::row).toList(),
                totals(report, rows))));
        if (sections.isEmpty()) {
            sections.add(new Table.Section("Ingen forslag", List.of(), null));
        }
        return new Table(report.report() + " " + report.meetingYear(), columns, sections, unit(report));
    }

    /**
     * The status as a person reads it: the Danish label of the code, or for a cancelled proposal, from its
     * cancellation's effective year on, "Annulleret (fra 2027)" — never a colour (DOMAIN.md Edges 8).
     */
    public static String status(ReportJson.Row r) {
        return r.cancelledFrom() != null ? "Annulleret (fra " + r.cancelledFrom() + ")" : Labels.STATUS.getOrDefault(r.status(), r.status());
    }

    /** "2026-P/L": the price level of the amounts. */
    public static String priceLevel(int year) {
        return year + "-P/L";
    }

    /**
     * What the report's amounts are in: "2028-P/L" when converted, else (the price index is empty) the proposals'
     * own price levels (DOMAIN.md Edges 10).
     */
    public static String priceLevel(ReportJson report) {
        return report.ownPriceLevels() ? OWN_PRICE_LEVELS : priceLevel(report.priceLevelYear());
    }

    /** The label of a report whose amounts are not converted because the price index is empty. */
    public static final String OWN_PRICE_LEVELS = "Forslagenes egne prisniveauer (ikke omregnet)";

    /** What the amounts are in: "1.000 kr., 2027-P/L", or "1.000 kr., forslagenes egne prisniveauer" without a price index. */
    public static String unit(ReportJson report) {
        return "1.000 kr., " + (report.ownPriceLevels() ? "forslagenes egne prisniveauer" : priceLevel(report.priceLevelYear()));
    }

    private static List<Object> row(ReportJson.Row r) {
        return Arrays.asList(r.reference(), r.title(), r.administration(), status(r), r.plannedPoolMoney(), r.actualPoolMoney(),
                r.plannedGain(), r.actualGain(), r.cumulativePlannedPoolMoney(), r.cumulativeActualPoolMoney(), r.cumulativePlannedGain(),
                r.cumulativeActualGain(), r.realisation(), r.spendRatio(), r.treasuryReturn(), r.fullyImplemented(), r.cancelled(),
                r.targets().stream().map(t -> t.code() + " " + Labels.TARGET.getOrDefault(t.status(), t.status())).collect(Collectors.joining(", ")),
                r.loanStatus() == null ? null : Labels.LOAN.getOrDefault(r.loanStatus(), r.loanStatus()), r.pendingDecisions(), r.explanation(),
                priceLevel(r.priceLevelYear()));
    }

    private static List<Object> totals(ReportJson report, List<ReportJson.Row> rows) {
        return totalsRow(report, sum(rows, ReportJson.Row::plannedPoolMoney), sum(rows, ReportJson.Row::actualPoolMoney),
                sum(rows, ReportJson.Row::plannedGain), sum(rows, ReportJson.Row::actualGain),
                sum(rows, ReportJson.Row::cumulativePlannedPoolMoney), sum(rows, ReportJson.Row::cumulativeActualPoolMoney),
                sum(rows, ReportJson.Row::cumulativePlannedGain), sum(rows, ReportJson.Row::cumulativeActualGain),
                sum(rows, ReportJson.Row::treasuryReturn));
    }

    private static List<Object> totalsRow(ReportJson report, BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney, BigDecimal plannedGain,
            BigDecimal actualGain, BigDecimal cumulativePlannedPoolMoney, BigDecimal cumulativeActualPoolMoney, BigDecimal cumulativePlannedGain,
            BigDecimal cumulativeActualGain, BigDecimal treasuryReturn) {
        return Arrays.asList("I alt", null, null, null, plannedPoolMoney, actualPoolMoney, plannedGain, actualGain, cumulativePlannedPoolMoney,
                cumulativeActualPoolMoney, cumulativePlannedGain, cumulativeActualGain, null, null, treasuryReturn, null, null, null, null, null,
                null, priceLevel(report));
    }

    /** The report's totals over all sections (the domain's, from the JSON), aligned with {@link #followUp}'s columns. */
    public static List<Object> grandTotals(ReportJson report) {
        ReportJson.Totals t = report.totals();
        return totalsRow(report, t.plannedPoolMoney(), t.actualPoolMoney(), t.plannedGain(), t.actualGain(), t.cumulativePlannedPoolMoney(),
                t.cumulativeActualPoolMoney(), t.cumulativePlannedGain(), t.cumulativeActualGain(), sum(report.rows(), ReportJson.Row::treasuryReturn));
    }

    public static Table frames(ReportJson.Frames frames) {
        return new Table("Innovationspuljens rammer " + frames.year(), List.of(text("Ramme"), amount("Rammebeløb"), amount("Udmøntet"),
                new Table.Column("Overskredet", Table.Kind.YES_NO)), List.of(new Table.Section("Rammer " + frames.year(),
                        frames.frames().stream().map(f -> Arrays.<Object>asList(Labels.frame(f.frame()), f.limit(), f.allocated(), f.exceeded()))
                                .toList(),
                        null)));
    }

    public static Table loans(ReportJson.Loans loans) {
        return new Table("Lån " + loans.year(), List.of(text("Reference"), text("Forvaltning"), amount("Hovedstol"),
                amount("Planlagt afdraget"), amount("Afdraget"), amount("Restgæld"), text("Status")),
                List.of(new Table.Section("Lån ultimo " + loans.year(), loans.loans().stream().map(l -> Arrays.<Object>asList(l.reference(),
                        l.administration(), l.principal(), l.scheduledToDate(), l.repaidToDate(), l.outstanding(),
                        Labels.LOAN.getOrDefault(l.status(), l.status()))).toList(), Arrays.asList("I alt", null, loans.totals().principal(),
                                loans.totals().scheduledToDate(), loans.totals().repaidToDate(), loans.totals().outstanding(), null))));
    }

    private static BigDecimal sum(List<ReportJson.Row> rows, Function<ReportJson.Row, BigDecimal> f) {
        return rows.stream().map(f).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Table.Column text(String heading) {
        return new Table.Column(heading, Table.Kind.TEXT);
    }

    private static Table.Column grouped(String group, String label, String heading, Table.Kind kind) {
        return new Table.Column(heading, kind, group, label, false);
    }

    private static Table.Column amount(String heading) {
        return new Table.Column(heading, Table.Kind.AMOUNT);
    }
}
