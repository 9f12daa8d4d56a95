package dk.kk.gevinstspor.actuals.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.common.config.WorkFolder;
import io.agroal.api.AgroalDataSource;

/**
 * Uploaded files that were checked and wait for their confirmation (table {@code pending_upload}), so that the
 * confirmation may reach any replica. Named by an unguessable token; only the uploader takes the file back, once.
 */
@ApplicationScoped
public class PendingUploadRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WorkFolder work;

    /** Keeps a copy of the file for its uploader; removes what waited longer than an hour. */
    public String keep(Path file, String username) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        try (Connection c = dataSource.getConnection();
                PreparedStatement expire = c.prepareStatement("DELETE FROM pending_upload WHERE created_at < now() - interval '1 hour'");
                PreparedStatement insert = c.prepareStatement("INSERT INTO pending_upload (token, username, content) VALUES (?, ?, ?)");
                InputStream content = Files.newInputStream(file)) {
            expire.executeUpdate();
            insert.setString(1, token);
            insert.setString(2, username);
            insert.setBinaryStream(3, content, Files.size(file));
            insert.executeUpdate();
            return token;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep the uploaded file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the file back (and out of the table) into a private temporary file, which the caller deletes; empty
     * when there is no such file of this user (confirmed already, expired, or never there).
     */
    public Optional<Path> take(String token, String username) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement take = c.prepareStatement("DELETE FROM pending_upload WHERE token = ? AND username = ?"
                        + " AND created_at >= now() - interval '1 hour' RETURNING content")) {
            take.setString(1, token);
            take.setString(2, username);
            try (ResultSet rs = take.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Path file = work.file(token + ".upload");
                try (InputStream content = rs.getBinaryStream(1)) {
                    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return Optional.of(file);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the uploaded file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
