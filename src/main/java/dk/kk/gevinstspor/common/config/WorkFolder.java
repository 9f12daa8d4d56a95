package dk.kk.gevinstspor.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

/**
 * A private folder (mode 700, random name under the temporary folder) for files that wait between two requests,
 * such as an uploaded file between its check and its confirmation. Never a shared, guessable /tmp name.
 */
@Singleton
public class WorkFolder {

    private Path folder;

    @PostConstruct
    void create() {
        try {
            folder = Files.createTempDirectory("gevinstspor-work-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a private work folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** A file in the folder; {@code name} must be a plain file name. */
    public Path file(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("Not a plain file name: " + name);
        }
        return folder.resolve(name);
    }
}
