package dk.kk.gevinstspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian tools the end-to-end tests drive (Chromium, LibreOffice, poppler, npm). {@code .ci/run} installs them.
 * Where one is missing the test is skipped with one line saying what to install, except with {@code CI=true},
 * where a missing tool fails the run.
 */
final class InstalledTools {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private InstalledTools() {
    }

    /** The tool's path, or the test is skipped (failed when {@code CI=true}) with the Debian package to install. */
    static Path require(Path tool, String debianPackage) {
        if (!Files.isExecutable(tool)) {
            String message = tool + " is missing: apt-get install " + debianPackage;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " (required when CI=true)");
            }
            Assumptions.abort(message);
        }
        return tool;
    }

    /** Finds a command on the PATH, or skips/fails as {@link #require(Path, String)}. */
    static Path command(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return require(Path.of("/usr/bin", name), debianPackage);
    }

    /** Runs a command to its end (at most two minutes) and returns its output; fails on a non-zero exit. */
    static String run(Path workDir, String... command) {
        try {
            Files.createDirectories(workDir);
            Path log = Files.createTempFile(workDir, "command-", ".log");
            Process process = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("%s ended within two minutes: %s", String.join(" ", command), output).isTrue();
            assertThat(process.exitValue()).as("%s exit value: %s", String.join(" ", command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
