package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.ADMIN;
import static dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The majbidrag's table in Chromium at 1400 × 1000: the default view fits without scrolling sideways; a click on a
 * heading sorts the rows within each section (the totals stay last); "Vis detaljer" shows the detail columns and is
 * remembered; the reference column stays in view when the table scrolls; axe-core finds nothing serious; printed on
 * A4 landscape ({@code pdftotext -bbox}) every word is at least 8 pt and within the page. Screenshots in
 * {@code target/e2e/screenshots/rapport-*}.
 */
@QuarkusTest
class ReportTableBrowserTest {

    static final String PAGE = "/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU";
    /** DejaVu Sans: a word's box is ascent + descent = 1,164 × the font size. */
    static final double BOX_PER_POINT = 1.164;

    @TestHTTPResource("/")
    URL base;

    @Test
    void the_majbidrag_fits_at_1400_sorts_shows_details_and_prints_at_8_pt_or_more() throws IOException {
        Path pdftotext = InstalledTools.command("pdftotext", "poppler-utils");
        List<String> references = new ArrayList<>();
        for (int gain : List.of(2_500_000, 700_000, 1_600_000)) {
            String ref = Bodies.reference("BUF");
            created(Bodies.investment(ref));
            java.util.Map<String, Object> actuals = Bodies.actuals(2029, 0, 0, 0, gain, 0);
            actuals.put("explanation", "Gevinsten afviger fra planen");
            putActuals(ref, 2029, actuals).statusCode(200);
            references.add(ref);
        }
        List<String> accessibility = new ArrayList<>();
        Path folder = Files.createDirectories(Chromium.FOLDER.resolve("pdf-" + UUID.randomUUID()).toAbsolutePath());
        Path pdf = folder.resolve("majbidrag-2030-BUU.pdf");
        try (Chromium browser = new Chromium(base, "rapport")) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
            browser.open("/login").type("#j_username", ADMIN).type("#j_password", ADMIN_PASSWORD).click("form.login button[type=submit]");
            browser.open(PAGE);
            browser.driver().executeScript("localStorage.clear()");
            browser.open(PAGE);

            // the default view: details hidden, the table as wide as its box, the page not wider than the window
            WebElement toggle = browser.find(".details-toggle input[type=checkbox]");
            assertThat(toggle.isSelected()).isFalse();
            assertThat(browser.find(".details-toggle label").getText()).startsWith("Vis detaljer (8 kolonner mere");
            assertThat(browser.find("table.report thead th[data-heading='Forklaring']").isDisplayed()).isFalse();
            List<?> widths = (List<?>) browser.driver().executeScript("var w = document.querySelector('.table-scroll');"
                    + " var t = w.querySelector('table.report');"
                    + " return [t.scrollWidth, w.clientWidth, document.documentElement.scrollWidth, window.innerWidth];");
            long table = ((Number) widths.get(0)).longValue();
            long box = ((Number) widths.get(1)).longValue();
            assertThat(table).as("the table (%s px) fits its box (%s px) at 1400 px", table, box).isLessThanOrEqualTo(box);
            assertThat(((Number) widths.get(2)).longValue()).as("no sideways scrolling of the page")
                    .isLessThanOrEqualTo(((Number) widths.get(3)).longValue());
            browser.screenshot("standard");
            Accessibility.seriousViolations(browser).forEach(v -> accessibility.add("standard: " + v));

            // sorting by the year's actual gain: ascending, then descending, within the section; the totals stay last
            WebElement heading = browser.find("table.report thead th[data-heading='Gevinst faktisk 2029']");
            heading.findElement(org.openqa.selenium.By.cssSelector("button.sort")).click();
            assertThat(heading.getAttribute("aria-sort")).isEqualTo("ascending");
            List<BigDecimal> ascending = column(browser, heading);
            assertThat(ascending).hasSizeGreaterThanOrEqualTo(3).isSortedAccordingTo(BigDecimal::compareTo);
            assertThat(lastRowIsTotals(browser)).isTrue();
            heading.findElement(org.openqa.selenium.By.cssSelector("button.sort")).click();
            assertThat(heading.getAttribute("aria-sort")).isEqualTo("descending");
            List<BigDecimal> descending = column(browser, heading);
            assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(lastRowIsTotals(browser)).isTrue();
            List<String> order = order(browser);
            assertThat(order.indexOf(references.get(0))).isLessThan(order.indexOf(references.get(2)));
            assertThat(order.indexOf(references.get(2))).isLessThan(order.indexOf(references.get(1)));
            browser.screenshot("sorteret");
            // the charts under visible titles, the status chart in its colours and patterns
            browser.driver().executeScript("document.querySelector('section.charts').scrollIntoView()");
            assertThat(browser.findAll("section.charts figure.chart figcaption")).extracting(WebElement::getText)
                    .containsExactly("Gevinstrealisering pr. forvaltning", "Forslagenes status");
            browser.screenshot("figurer");

            // details shown, remembered after a reload, and the reference stays in view when the table scrolls sideways
            toggle.click();
            assertThat(browser.find("table.report thead th[data-heading='Forklaring']").isDisplayed()).isTrue();
            browser.open(PAGE);
            assertThat(browser.find(".details-toggle input[type=checkbox]").isSelected()).as("remembered").isTrue();
            assertThat(browser.find("table.report thead th[data-heading='Prisniveau']").isDisplayed()).isTrue();
            List<?> sticky = (List<?>) browser.driver().executeScript("var w = document.querySelector('.table-scroll');"
                    + " w.scrollLeft = w.scrollWidth; var c = w.querySelector('tbody th.row-head');"
                    + " return [w.scrollLeft, c.getBoundingClientRect().left - w.getBoundingClientRect().left];");
            assertThat(((Number) sticky.get(0)).doubleValue()).as("the table scrolls sideways with the details").isGreaterThan(0);
            assertThat(((Number) sticky.get(1)).doubleValue()).as("the reference stays at the left edge").isBetween(0.0, 2.0);
            browser.screenshot("detaljer");
            Accessibility.seriousViolations(browser).forEach(v -> accessibility.add("detaljer: " + v));
            browser.find(".details-toggle input[type=checkbox]").click();
            assertThat(browser.find("table.report thead th[data-heading='Forklaring']").isDisplayed()).isFalse();

            browser.printToPdf(pdf);
        }
        assertThat(accessibility).isEmpty();

        // the print: every word at least 8 pt and inside the page; the main and the detail columns both printed
        String bbox = InstalledTools.run(folder, pdftotext.toString(), "-bbox", pdf.toString(), "-");
        Matcher page = Pattern.compile("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">").matcher(bbox);
        assertThat(page.find()).isTrue();
        double pageWidth = Double.parseDouble(page.group(1));
        assertThat(pageWidth).as("landscape").isGreaterThan(Double.parseDouble(page.group(2)));
        Matcher word = Pattern.compile("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>")
                .matcher(bbox);
        int words = 0;
        double smallest = Double.MAX_VALUE;
        String smallestWord = null;
        StringBuilder text = new StringBuilder();
        while (word.find()) {
            words++;
            double size = (Double.parseDouble(word.group(4)) - Double.parseDouble(word.group(2))) / BOX_PER_POINT;
            if (size < smallest) {
                smallest = size;
                smallestWord = word.group(5);
            }
            assertThat(Double.parseDouble(word.group(3))).as("'%s' within the page", word.group(5)).isLessThanOrEqualTo(pageWidth);
            text.append(word.group(5)).append(' ');
        }
        assertThat(words).isGreaterThan(100);
        assertThat(smallest).as("the smallest word, '%s', in pt", smallestWord).isGreaterThanOrEqualTo(7.95);
        assertThat(text.toString()).contains(references.get(0)).contains("Forbrugsgrad").contains("Detaljer").contains("Prisniveau")
                .contains("Forklaring");
    }

    private static List<BigDecimal> column(Chromium browser, WebElement heading) {
        int column = Integer.parseInt(heading.getAttribute("data-column"));
        List<BigDecimal> values = new ArrayList<>();
        for (WebElement row : browser.findAll("table.report tbody:first-of-type tr:not(.section):not(.totals)")) {
            String value = row.findElements(org.openqa.selenium.By.cssSelector("th, td")).get(column).getAttribute("data-value");
            if (value != null) {
                values.add(new BigDecimal(value));
            }
        }
        return values;
    }

    private static boolean lastRowIsTotals(Chromium browser) {
        return (Boolean) browser.driver().executeScript("var b = document.querySelector('table.report tbody');"
                + " return b.rows[b.rows.length - 1].classList.contains('totals') && b.rows[0].classList.contains('section');");
    }

    private static List<String> order(Chromium browser) {
        return browser.findAll("table.report tbody a.reference").stream().map(WebElement::getText).toList();
    }
}
