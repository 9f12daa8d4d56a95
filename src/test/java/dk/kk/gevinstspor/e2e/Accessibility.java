package dk.kk.gevinstspor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * WCAG 2.1 AA checks with axe-core, injected into the page the browser shows. axe-core is the npm package,
 * fetched once into {@code target/axe/} (npm is required like Chromium; nothing of it is committed).
 */
final class Accessibility {

    static final String AXE_VERSION = "4.14.1";
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    private static String script;

    private Accessibility() {
    }

    /** A violation axe found: its rule, impact, help text and the elements concerned. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + "): " + targets;
        }
    }

    /** The serious and critical WCAG 2.0/2.1 A and AA violations of the page the browser shows. */
    @SuppressWarnings("unchecked")
    static List<Violation> seriousViolations(Chromium browser) {
        ChromeDriver driver = browser.driver();
        driver.executeScript(axeScript());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                """);
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("targets")))
                .filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact()))
                .toList();
    }

    private static synchronized String axeScript() {
        if (script == null) {
            if (!Files.exists(AXE)) {
                Path npm = InstalledTools.command("npm", "npm (or Node.js 20)");
                InstalledTools.run(Path.of("target", "axe"), npm.toString(), "install", "--no-save", "--no-package-lock",
                        "--no-audit", "--no-fund", "--prefix", Path.of("target", "axe").toAbsolutePath().toString(),
                        "axe-core@" + AXE_VERSION);
            }
            try {
                script = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
