package dk.kk.gevinstspor.common.database;

import static dk.kk.gevinstspor.common.database.EmbeddedDatabase.rootMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Files and folders of the embedded database that only the service's user may read or write. */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Writes the text to a new file of mode 600 beside {@code file}, then moves it over {@code file} atomically. */
    static void write(Path file, String text) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(FILE));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StartupFailure("Cannot write " + file + " (" + rootMessage(e) + ").", e);
        }
    }

    static void file(Path file) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
    }

    /** A folder readable, writable and searchable by the service's user only. */
    static void folder(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                Files.setPosixFilePermissions(folder, FOLDER);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupFailure("Cannot make " + folder + " private to the service's user (" + rootMessage(e) + ").", e);
        }
    }

    /** The binaries: no one else may write (or read) them; the service's user keeps what it had, execution included. */
    static void tree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                var permissions = new HashSet<>(Files.getPosixFilePermissions(p));
                permissions.removeIf(x -> !x.name().startsWith("OWNER"));
                Files.setPosixFilePermissions(p, permissions);
            }
        } catch (IOException | UnsupportedOperationException | UncheckedIOException e) {
            throw new StartupFailure("Cannot make " + folder + " private to the service's user (" + rootMessage(e) + ").", e);
        }
    }
}
