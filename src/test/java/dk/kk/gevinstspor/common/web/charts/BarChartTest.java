package dk.kk.gevinstspor.common.web.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dk.kk.gevinstspor.common.web.Browser;

class BarChartTest {

    static Document parse(String svg) {
        return Browser.xml(svg);
    }

    static List<Element> bars(Document svg) {
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if (e.getAttribute("class").startsWith("bar ")) {
                bars.add(e);
            }
        }
        return bars;
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void each_bar_carries_its_figure_and_its_height_is_the_figure_on_the_computed_scale() {
        BarChart chart = new BarChart("gevinst", "Gevinst pr. år", "Planlagt og faktisk gevinst & puljemidler <kr.>",
                List.of("2027", "2028", "2029"), List.of(new BarChart.Series("Plan", List.of(d("500000"), d("1500000"), d("2000000"))),
                        new BarChart.Series("Faktisk", Arrays.asList(d("400000"), d("1600000.50"), null))),
                v -> v.toPlainString() + " kr.");

        Document svg = parse(chart.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("gevinst-title gevinst-desc");
        assertThat(svg.getElementById("gevinst-title")).isNull(); // ids are not declared as ID type without a DTD
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent()).isEqualTo("Gevinst pr. år");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent())
                .isEqualTo("Planlagt og faktisk gevinst & puljemidler <kr.>");

        // the range 0..2.000.000 in about four steps: 500.000 each, top 2.000.000
        assertThat(root.getAttribute("data-scale-top")).isEqualTo("2000000");
        assertThat(root.getAttribute("data-scale-bottom")).isEqualTo("0");
        List<Element> bars = bars(svg);
        assertThat(bars).extracting(b -> b.getAttribute("data-value")).containsExactly("500000", "400000", "1500000", "1600000.50", "2000000");
        assertThat(bars).extracting(b -> b.getAttribute("data-series")).containsExactly("Plan", "Faktisk", "Plan", "Faktisk", "Plan");
        assertThat(bars).extracting(b -> b.getAttribute("data-category")).containsExactly("2027", "2027", "2028", "2028", "2029");
        double plotHeight = BarChart.HEIGHT - BarChart.TOP - BarChart.BOTTOM;
        for (Element bar : bars) {
            double expected = new BigDecimal(bar.getAttribute("data-value")).doubleValue() / 2_000_000 * plotHeight;
            assertThat(Double.parseDouble(bar.getAttribute("height"))).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
            // bars stand on the zero line
            assertThat(Double.parseDouble(bar.getAttribute("y")) + Double.parseDouble(bar.getAttribute("height")))
                    .isCloseTo(BarChart.HEIGHT - BarChart.BOTTOM, org.assertj.core.data.Offset.offset(0.02));
        }
        assertThat(bars.get(1).getTextContent()).isEqualTo("Faktisk, 2027: 400000 kr.");
    }

    @Test
    void negative_figures_hang_below_the_zero_line_and_the_scale_reaches_below_zero() {
        BarChart chart = new BarChart("neg", "T", "D", List.of("A", "B"),
                List.of(new BarChart.Series("S", List.of(d("300"), d("-100")))), BigDecimal::toPlainString);
        Document svg = parse(chart.svg());
        assertThat(svg.getDocumentElement().getAttribute("data-scale-top")).isEqualTo("300");
        assertThat(svg.getDocumentElement().getAttribute("data-scale-bottom")).isEqualTo("-100");
        List<Element> bars = bars(svg);
        double zeroY = Double.parseDouble(bars.get(0).getAttribute("y")) + Double.parseDouble(bars.get(0).getAttribute("height"));
        assertThat(Double.parseDouble(bars.get(1).getAttribute("y"))).isCloseTo(zeroY, org.assertj.core.data.Offset.offset(0.02));
        assertThat(Double.parseDouble(bars.get(1).getAttribute("height")) * 3)
                .isCloseTo(Double.parseDouble(bars.get(0).getAttribute("height")), org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void nice_steps_are_one_two_or_five_times_a_power_of_ten() {
        assertThat(BarChart.niceStep(d("2000000"))).isEqualByComparingTo("500000");
        assertThat(BarChart.niceStep(d("700"))).isEqualByComparingTo("200");
        assertThat(BarChart.niceStep(d("3"))).isEqualByComparingTo("1");
        assertThat(BarChart.niceStep(d("0.9"))).isEqualByComparingTo("0.5");
        assertThat(BarChart.niceStep(d("37"))).isEqualByComparingTo("10");
        assertThat(BarChart.niceStep(BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    @Test
    void an_empty_chart_is_empty_and_still_draws_well_formed_svg() {
        BarChart chart = new BarChart("tom", "T", "D", List.of("2027"), List.of(new BarChart.Series("S", Arrays.asList((BigDecimal) null))),
                BigDecimal::toPlainString);
        assertThat(chart.isEmpty()).isTrue();
        assertThat(bars(parse(chart.svg()))).isEmpty();
        assertThat(new BarChart("x", "T", "D", List.of("A"), List.of(new BarChart.Series("S", List.of(d("1")))), BigDecimal::toPlainString)
                .isEmpty()).isFalse();
    }

    @Test
    void a_series_must_have_one_value_per_category() {
        assertThatThrownBy(() -> new BarChart("x", "T", "D", List.of("A", "B"), List.of(new BarChart.Series("S", List.of(d("1")))),
                BigDecimal::toPlainString)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 categories");
    }

    @Test
    void the_axis_and_the_figures_are_written_the_danish_way() {
        Document thousands = parse(new BarChart("t", "T", "D", List.of("A", "B"), List.of(new BarChart.Series("S", List.of(d("2000"), d("3500")))),
                dk.kk.gevinstspor.common.DanishNumbers::format).svg());
        assertThat(texts(thousands, "tick")).containsExactly("0", "1.000", "2.000", "3.000", "4.000");
        Document halves = parse(new BarChart("h", "T", "D", List.of("A"), List.of(new BarChart.Series("S", List.of(d("1.8")))),
                dk.kk.gevinstspor.common.DanishNumbers::format).svg());
        assertThat(texts(halves, "tick")).containsExactly("0", "0,5", "1", "1,5", "2");
        Document percent = parse(new BarChart("p", "T", "D", List.of("A"), List.of(new BarChart.Series("S", List.of(d("0.972")))),
                dk.kk.gevinstspor.common.web.TemplateExtensions::percent).svg());
        assertThat(texts(percent, "tick")).contains("0 %", "50 %", "100 %");
        assertThat(texts(percent, "value")).containsExactly("97 %");
        // counts step by whole numbers
        Document counts = parse(new BarChart("c", "T", "D", List.of("A"), List.of(new BarChart.Series("S", List.of(d("2")))),
                dk.kk.gevinstspor.common.DanishNumbers::format).wholeNumbers().svg());
        assertThat(texts(counts, "tick")).containsExactly("0", "1", "2");
    }

    @Test
    void series_and_statuses_differ_by_pattern_as_well_as_colour_and_every_colour_has_aa_contrast() {
        BarChart chart = new BarChart("s", "Status", "D", List.of("Grøn", "Gul", "Rød", "Mangler", "Ikke startet"),
                List.of(new BarChart.Series("Antal", List.of(d("1"), d("2"), d("3"), d("4"), d("5")))), BigDecimal::toPlainString)
                .withCategoryFills(List.of(BarChart.STATUS_FILLS.get("GREEN"), BarChart.STATUS_FILLS.get("AMBER"),
                        BarChart.STATUS_FILLS.get("RED"), BarChart.STATUS_FILLS.get("MISSING"), BarChart.STATUS_FILLS.get("NOT_STARTED")));
        Document svg = parse(chart.svg());
        List<Element> bars = bars(svg);
        assertThat(bars).extracting(b -> b.getAttribute("fill")).containsExactly("url(#s-fill-0)", "url(#s-fill-1)", "url(#s-fill-2)",
                "url(#s-fill-3)", "url(#s-fill-4)");
        NodeList patterns = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "pattern");
        assertThat(patterns.getLength()).isEqualTo(5);
        List<String> kinds = bars.stream().map(b -> b.getAttribute("data-fill").split(" ")[1]).toList();
        assertThat(kinds).doesNotHaveDuplicates();
        for (BarChart.Fill fill : BarChart.STATUS_FILLS.values()) {
            assertThat(contrast(fill.colour())).as(fill.colour()).isGreaterThanOrEqualTo(4.5);
        }
        for (BarChart.Fill fill : BarChart.SERIES_FILLS) {
            assertThat(contrast(fill.colour())).as(fill.colour()).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(BarChart.SERIES_FILLS.stream().map(BarChart.Fill::pattern)).doesNotHaveDuplicates();
    }

    @Test
    void the_figure_shows_its_title_and_a_message_instead_of_an_empty_chart() {
        BarChart drawn = new BarChart("g", "Gevinst pr. år", "D", List.of("2027", "2028"), List.of(new BarChart.Series("Plan", List.of(d("1"),
                d("2"))), new BarChart.Series("Faktisk", Arrays.asList(d("1"), null))), BigDecimal::toPlainString);
        org.jsoup.nodes.Document figure = org.jsoup.Jsoup.parse(drawn.figure());
        assertThat(figure.selectFirst("figure.chart > figcaption").text()).isEqualTo("Gevinst pr. år");
        assertThat(figure.select("figure.chart svg")).hasSize(1);

        BarChart zeros = new BarChart("z", "Gevinst pr. år", "D", List.of("2027", "2028"), List.of(new BarChart.Series("Plan",
                List.of(d("0"), d("0"))), new BarChart.Series("Faktisk", List.of(d("0"), d("0")))), BigDecimal::toPlainString);
        assertThat(zeros.isEmpty()).as("bars of nothing but zeros draw nothing").isTrue();
        org.jsoup.nodes.Document message = org.jsoup.Jsoup.parse(zeros.figure());
        assertThat(message.select("svg")).isEmpty();
        assertThat(message.selectFirst("figcaption").text()).isEqualTo("Gevinst pr. år");
        assertThat(message.selectFirst("p.chart-empty").text()).isEqualTo("Ingen tal at vise for gevinst pr. år.");
        assertThat(org.jsoup.Jsoup.parse(zeros.whenEmpty("Ingen tal at vise for gevinsten: der er ingen plan.").figure())
                .selectFirst("p.chart-empty").text()).isEqualTo("Ingen tal at vise for gevinsten: der er ingen plan.");
        // one series writes its figures over the bars, so its zeros are figures to show
        BarChart oneZero = new BarChart("o", "Realisering", "D", List.of("BUF"), List.of(new BarChart.Series("S", List.of(d("0")))),
                BigDecimal::toPlainString);
        assertThat(oneZero.isEmpty()).isFalse();
    }

    private static List<String> texts(Document svg, String css) {
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            if (e.getAttribute("class").equals(css)) {
                found.add(e.getTextContent());
            }
        }
        return found;
    }

    /** WCAG's contrast ratio of a colour against white. */
    private static double contrast(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        return 1.05 / (l + 0.05);
    }
}
