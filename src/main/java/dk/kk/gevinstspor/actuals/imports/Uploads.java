package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.common.error.ApiException;

/**
 * The upload page's two steps (docs/pages.md): a file is checked (a dry run) and kept for its uploader, then imported
 * when the uploader confirms it. The kept file waits in the database ({@link PendingUploadRepository}), so the
 * confirmation may reach any replica.
 */
@ApplicationScoped
public class Uploads {

    /** A checked file: what importing it would do, and the token its confirmation names. */
    public record Checked(ImportResult result, String token) {
    }

    @Inject
    ActualsImporter importer;
    @Inject
    PendingUploadRepository pending;

    /**
     * Checks the file without storing its figures and keeps it for the uploader's confirmation.
     *
     * @throws ApiException 422 listing every bad row (then nothing is kept)
     */
    public Checked check(Path file, String username) {
        ImportResult result = importer.importFile(file, true);
        return new Checked(result, pending.keep(file, username));
    }

    /**
     * Imports the kept file (all or nothing, listing what changed) and removes it; empty when it is no longer there
     * (confirmed already, older than an hour, or another user's).
     *
     * @throws ApiException 422 listing every bad row (nothing is stored)
     */
    public Optional<ImportResult> confirm(String token, String username) throws IOException {
        Optional<Path> taken = pending.take(token, username);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(importer.importFile(taken.get(), false, true));
        } finally {
            Files.deleteIfExists(taken.get());
        }
    }
}
