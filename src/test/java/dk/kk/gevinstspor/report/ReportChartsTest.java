package dk.kk.gevinstspor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.common.web.charts.BarChart;

/**
 * The report pages' charts from a report's JSON: IT-kredsen's proposals plan no gain, so there is no realisation to
 * draw (the chart was empty) — the page says so and draws the spend instead; the status chart in the status colours.
 */
class ReportChartsTest {

    static ReportJson.Row row(String reference, String administration, String kind, String status, long plannedPool, long actualPool,
            long plannedGain, long actualGain, Integer cancelledFrom) {
        BigDecimal pp = BigDecimal.valueOf(plannedPool);
        BigDecimal ap = BigDecimal.valueOf(actualPool);
        BigDecimal pg = BigDecimal.valueOf(plannedGain);
        BigDecimal ag = BigDecimal.valueOf(actualGain);
        return new ReportJson.Row(reference, "Titel", administration, kind, status, false, cancelledFrom != null, cancelledFrom, 2025, null,
                pp, ap, pg, ag, pp, ap, pg, ag, null, null, List.of(), null, 0, null);
    }

    static ReportJson report(List<ReportJson.Row> rows) {
        BigDecimal z = BigDecimal.ZERO;
        return new ReportJson("IT_KREDS", 2026, 2025, null, null, 2026, false, rows, new ReportJson.Totals(z, z, z, z, z, z, z, z));
    }

    @Test
    void without_planned_gain_the_realisation_chart_is_a_message_and_the_spend_is_drawn() {
        ReportJson report = report(List.of(row("KFF-2025-01", "KFF", "INNOVATION", "GREEN", 1_200_000, 1_150_000, 0, 0, null),
                row("BUF-2024-04", "BUF", "PRE_ANALYSIS", "AMBER", 750_000, 750_000, 0, 0, null)));
        ReportHtml.Chart realisation = ReportHtml.realisationByAdministration(report);
        Document figure = Jsoup.parse(realisation.figure());
        assertThat(figure.selectFirst("figure.chart figcaption").text()).isEqualTo("Gevinstrealisering pr. forvaltning");
        assertThat(figure.select("svg")).isEmpty();
        assertThat(figure.selectFirst("p.chart-empty").text()).startsWith("Ingen tal at vise for gevinstrealisering")
                .contains("planlagt gevinst til og med 2025");

        ReportHtml.Chart spend = ReportHtml.spendByAdministration(report);
        String svg = Browser.svgs(spend.figure()).get(0);
        assertThat(Browser.bars(svg)).extracting(b -> b.category() + "=" + b.value().toPlainString())
                .containsExactly("BUF=1.000", "KFF=0.958");
        assertThat(spend.rows()).containsExactly(List.of("BUF", "750", "750", "100 %"), List.of("KFF", "1.200", "1.150", "96 %"));
        assertThat(Jsoup.parse(spend.figure()).select("svg text.value").eachText()).containsExactly("100 %", "96 %");
    }

    @Test
    void the_status_chart_counts_each_status_in_its_colour_and_pattern_and_cancelled_ones_as_cancelled() {
        ReportJson report = report(List.of(row("A", "BUF", "INVESTMENT", "GREEN", 1, 1, 1, 1, null),
                row("B", "BUF", "INVESTMENT", "GREEN", 1, 1, 1, 1, null), row("C", "SOF", "INVESTMENT", "RED", 1, 1, 1, 0, null),
                row("D", "SOF", "INVESTMENT", "GREEN", 1, 1, 1, 1, 2025)));
        ReportHtml.Chart statuses = ReportHtml.statuses(report);
        String svg = Browser.svgs(statuses.figure()).get(0);
        assertThat(Browser.bars(svg)).extracting(b -> b.category() + "=" + b.value().intValue())
                .containsExactly("Grøn=2", "Gul=0", "Rød=1", "Mangler=0", "Ikke startet=0", "Annulleret=1");
        Document page = Jsoup.parse(statuses.figure());
        assertThat(page.select("rect.bar").eachAttr("data-fill")).containsExactly(fill("GREEN"), fill("AMBER"), fill("RED"), fill("MISSING"),
                fill("NOT_STARTED"), fill("CANCELLED"));
        // the counts stand over the bars, the axis steps by whole proposals
        assertThat(page.select("svg text.value").eachText()).containsExactly("2", "0", "1", "0", "0", "1");
        assertThat(page.select("svg text.tick").eachText()).containsExactly("0", "1", "2");
        assertThat(page.select("svg text.legend")).as("the categories name the colours").isEmpty();
    }

    private static String fill(String status) {
        BarChart.Fill f = BarChart.STATUS_FILLS.get(status);
        return f.colour() + " " + f.pattern();
    }
}
