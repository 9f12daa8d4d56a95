package dk.kk.gevinstspor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** LibreOffice Calc, headless, with a private profile under {@code target/e2e/}: opens files and saves them as others. */
final class LibreOffice {

    /**
     * CSV out: comma, double quote, UTF-8, numbers as stored (not as shown) with a decimal point, every sheet
     * to its own file ({@code <name>-<sheet>.csv}).
     */
    static final String CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";
    /** CSV in as Danish Excel writes it: semicolon, double quote, UTF-8, Danish numbers (decimal comma). */
    static final String DANISH_CSV_IN = "CSV:59,34,76,1,,1030,false,true";

    private LibreOffice() {
    }

    /**
     * Opens {@code file} (read with {@code inFilter} when given) and saves it with {@code filter} into {@code outDir},
     * a folder of its own; returns the files written.
     */
    static List<Path> convert(Path file, String inFilter, String filter, Path outDir) {
        Path soffice = InstalledTools.command("soffice", "libreoffice-calc");
        Path profile = Chromium.FOLDER.resolve("libreoffice-profile").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore"));
        if (inFilter != null) {
            command.add("--infilter=" + inFilter);
        }
        command.addAll(List.of("--convert-to", filter, "--outdir", outDir.toAbsolutePath().toString(), file.toAbsolutePath().toString()));
        InstalledTools.run(outDir, command.toArray(String[]::new));
        try (var files = Files.list(outDir)) {
            List<Path> written = files.filter(f -> !f.getFileName().toString().startsWith("command-")).sorted().toList();
            if (written.isEmpty()) {
                throw new IllegalStateException("LibreOffice wrote nothing for " + file + " into " + outDir);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
