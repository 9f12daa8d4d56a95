package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.ADMIN;
import static dk.kk.gevinstspor.proposal.Api.ADMIN_PASSWORD;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.TemplateExtensions;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The majbidrag on paper: headless Chromium prints the page a signed-in reader sees with its print engine (the one
 * {@code --print-to-pdf} runs; the print stylesheet: A4 landscape, page numbers); {@code pdftotext} reads the
 * committee and the totals from the PDF, {@code pdftoppm} makes a PNG of page 1 under {@code target/e2e/}.
 */
@QuarkusTest
class MajbidragPdfTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void chromium_prints_the_majbidrag_with_its_committee_and_totals() throws IOException {
        Path pdftotext = InstalledTools.command("pdftotext", "poppler-utils");
        Path pdftoppm = InstalledTools.command("pdftoppm", "poppler-utils");
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        putActuals(ref, 2029, Bodies.actuals(2029, 0, 0, 0, 1_987_654, 0)).statusCode(200);
        BigDecimal actualGain = new BigDecimal(json().get("/api/reports/majbidrag/2030?committee=BUU").then().statusCode(200).extract()
                .jsonPath().getString("totals.actualGain"));

        Path folder = Files.createDirectories(Chromium.FOLDER.resolve("pdf-" + UUID.randomUUID()).toAbsolutePath());
        Path pdf = folder.resolve("majbidrag-2030-BUU.pdf");
        // Chromium's print engine (what --print-to-pdf runs) on the page a signed-in reader sees: the command line
        // cannot sign in, and a saved copy could not load the stylesheets from the service.
        try (Chromium browser = new Chromium(base, "pdf")) {
            browser.open("/login").type("#j_username", ADMIN).type("#j_password", ADMIN_PASSWORD).click("form.login button[type=submit]");
            browser.open("/rapporter?rapport=majbidrag&aar=2030&udvalg=BUU");
            browser.printToPdf(pdf);
        }
        assertThat(pdf).exists();

        String text = InstalledTools.run(folder, pdftotext.toString(), "-layout", pdf.toString(), "-");
        // printed at its own size (no longer shrunk to fit 21 columns), the heading may wrap: read it as one line
        assertThat(text.replaceAll("\\s+", " ")).contains("Majbidrag 2030, Børne- og Ungdomsudvalget");
        assertThat(text).contains("Beløb i 1.000 kr.")
                .contains(ref).contains(TemplateExtensions.thousands(actualGain)).contains("Side 1 af").doesNotContain("Log ud");

        InstalledTools.run(folder, pdftoppm.toString(), "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(),
                Chromium.FOLDER.resolve("majbidrag-side").toAbsolutePath().toString());
        assertThat(Chromium.FOLDER.resolve("majbidrag-side-1.png")).exists().isNotEmptyFile();
    }
}
