package dk.kk.gevinstspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing is downloaded), with a fresh profile
 * and download folder under {@code target/e2e/}. Every page it visits can be checked with axe-core
 * ({@link Accessibility}); screenshots go to {@code target/e2e/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    static final Path FOLDER = Path.of("target", "e2e");

    private final ChromeDriver driver;
    private final URL base;
    private final Path downloads;
    private final String name;
    private int shots;

    /** Starts a browser for one journey; {@code name} prefixes its screenshots. */
    Chromium(URL base, String name) {
        Path chromium = InstalledTools.require(InstalledTools.CHROMIUM, "chromium");
        Path chromedriver = InstalledTools.require(InstalledTools.CHROMEDRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        this.base = base;
        this.name = name;
        Path run = FOLDER.resolve("run-" + UUID.randomUUID()).toAbsolutePath();
        this.downloads = run.resolve("downloads");
        try {
            Files.createDirectories(downloads);
            Files.createDirectories(FOLDER.resolve("screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=da-DK", "--user-data-dir=" + run.resolve("profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withLogFile(run.resolve("chromedriver.log").toFile()).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the service. */
    Chromium open(String path) {
        driver.get(base.toString().replaceFirst("/$", "") + path);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clears a field and types the text as a user would. */
    Chromium type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and waits for the next page to load (the clicked element has gone with the old page). */
    Chromium click(String css) {
        WebElement element = find(css);
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> gone(element));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * True once the element has left the document. Chrome reports a node of a page being replaced either as stale or,
     * mid-navigation, as "Node with given id does not belong to the document" (a plain WebDriverException that
     * {@code ExpectedConditions.stalenessOf} lets through): both mean the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    String heading() {
        return find("h1").getText();
    }

    String text() {
        return find("body").getText();
    }

    /** Saves a PNG of the viewport as {@code target/e2e/screenshots/<journey>-<nn>-<step>.png}. */
    Path screenshot(String step) {
        Path file = FOLDER.resolve("screenshots").resolve("%s-%02d-%s.png".formatted(name, ++shots, step));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The current page printed by Chromium's own print engine (A4; the page's print stylesheet applies). */
    Path printToPdf(Path file) {
        PrintOptions options = new PrintOptions();
        options.setBackground(true);
        options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        options.setPageSize(new org.openqa.selenium.print.PageSize(21.0, 29.7));
        Pdf pdf = driver.print(options);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(pdf.getContent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Waits for a download whose name ends with {@code suffix} and returns it. */
    Path downloaded(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> find(downloads, suffix) != null);
        return find(downloads, suffix);
    }

    private static Path find(Path folder, String suffix) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first element matching, which must exist. */
    String textOf(String css) {
        List<WebElement> found = findAll(css);
        assertThat(found).as("an element %s on %s", css, path()).isNotEmpty();
        return found.get(0).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
