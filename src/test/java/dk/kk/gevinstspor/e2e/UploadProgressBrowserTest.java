package dk.kk.gevinstspor.e2e;

import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A 20 MB file on the upload page does not look frozen: Chromium (its upload throttled to 8 MB/s) shows the progress
 * element with the bytes sent and the per cent while the file is sent, then that the check is running, and then the
 * check's answer (here: the file's errors, naming the rows).
 */
@QuarkusTest
class UploadProgressBrowserTest {

    static final String PASSWORD = "progress-password-1";

    @TestHTTPResource("/")
    URL base;

    @Test
    void the_upload_of_a_20_mb_file_shows_its_progress_then_the_check_then_the_answer() throws IOException {
        String username = "progress.buf." + Bodies.reference("X").substring(4).toLowerCase();
        json().body(Bodies.map("username", username, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("BUF")))
                .post("/api/users").then().statusCode(201);
        Path file = Chromium.FOLDER.resolve("files").resolve("tyve-mb.csv").toAbsolutePath();
        Files.createDirectories(file.getParent());
        String explanation = "Forklaring ".repeat(180);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;explanation\n");
            for (int i = 0; Files.size(file) < 20L * 1024 * 1024 && i < 20_000; i++) {
                w.write("BUF-FINDES-IKKE-" + i + ";2029;1;0;0;0;0;" + explanation + "\n");
                if (i % 1000 == 0) {
                    w.flush();
                }
            }
        }
        long size = Files.size(file);
        assertThat(size).isGreaterThan(19L * 1024 * 1024);

        try (Chromium browser = new Chromium(base, "upload-progress")) {
            browser.open("/login");
            browser.type("#j_username", username).type("#j_password", PASSWORD).click("form.login button[type=submit]");
            browser.open("/indberetning/upload");
            assertThat(browser.find("#upload-progress").isDisplayed()).as("hidden until a file is sent").isFalse();
            browser.driver().executeCdpCommand("Network.enable", Map.of());
            browser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", 8 * 1024 * 1024));
            browser.find("#file").sendKeys(file.toString());
            browser.find("form.upload button[type=submit]").click();

            Set<String> shown = new LinkedHashSet<>();
            String[] sent = new String[1];
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(20)).until(d -> {
                if (!browser.findAll("table.errors").isEmpty()) {
                    return true; // the answer replaced the page
                }
                List<WebElement> box = browser.findAll("#upload-progress");
                try {
                    if (!box.isEmpty() && box.get(0).isDisplayed()) {
                        shown.add(browser.find("#upload-text").getText());
                        sent[0] = box.get(0).getAttribute("data-sent");
                    }
                } catch (org.openqa.selenium.WebDriverException replaced) {
                    return false;
                }
                return false;
            });
            browser.screenshot("svar");
            assertThat(shown).as("what the progress said").anyMatch(t -> t.matches("Sendt [0-9.,]+ MB af [0-9.,]+ MB \\(\\d+ %\\)"));
            assertThat(shown).anyMatch(t -> t.startsWith("Filen er sendt. Kontrollen kører"));
            assertThat(Long.parseLong(sent[0])).as("bytes sent at the last progress event seen").isGreaterThan(size / 2);
            assertThat(browser.textOf("table.errors tbody tr")).contains("BUF-FINDES-IKKE-0").contains("Intet forslag har referencen");
            assertThat(browser.path()).isEqualTo("/indberetning/upload");
        }
    }
}
