package dk.kk.gevinstspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The accessibility check itself: it finds what it must find, so a clean page means something. */
class AccessibilityCheckTest {

    @Test
    void an_image_without_text_and_an_unlabelled_field_are_reported() throws Exception {
        Path page = Chromium.FOLDER.resolve("files").resolve("inaccessible.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                <!DOCTYPE html><html lang="da"><head><title>Dårlig side</title></head>
                <body><main><h1>Dårlig side</h1><img src="graf.png"><input type="text"></main></body></html>""");
        try (Chromium browser = new Chromium(page.getParent().toUri().toURL(), "axe-selvtest")) {
            browser.open("/" + page.getFileName());
            assertThat(Accessibility.seriousViolations(browser)).extracting(Accessibility.Violation::rule)
                    .contains("image-alt", "label");
        }
    }
}
