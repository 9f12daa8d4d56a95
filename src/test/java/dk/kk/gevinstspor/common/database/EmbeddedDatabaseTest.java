package dk.kk.gevinstspor.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The embedded default database: it keeps its data, and refuses a folder it cannot use without touching it. */
class EmbeddedDatabaseTest {

    private static Path freshFolder() {
        return Path.of("target", "test-databases", "embedded-" + UUID.randomUUID());
    }

    @Test
    void data_survives_a_restart_on_the_same_folder() throws SQLException {
        Path folder = freshFolder();
        try (EmbeddedDatabase first = EmbeddedDatabase.start(folder)) {
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('gemt før genstart')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(folder)) {
            try (Connection c = connect(second); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("gemt før genstart");
            }
            assertThat(second.jdbcUrl()).startsWith("jdbc:postgresql://localhost:").endsWith("/gevinstspor");
            assertThat(setting(second, "fsync")).as("the service's database flushes to disk").isEqualTo("on");
            assertThat(setting(second, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void a_throw_away_database_skips_fsync() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(freshFolder(), false)) {
            assertThat(setting(db, "fsync")).isEqualTo("off");
        }
    }

    /**
     * Issue 19: the cluster trusted every loopback connection (any local user read the password hashes as superuser)
     * and its binaries were world-writable. Now every connection needs the folder's generated password, kept with
     * mode 600 and reused at restart, and the folders are the service user's alone.
     */
    @Test
    void every_connection_needs_the_generated_password_and_the_folders_are_private() throws Exception {
        Path folder = freshFolder();
        String password;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, false)) {
            password = db.password();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertRefused(() -> DriverManager.getConnection(db.jdbcUrl(), db.username(), ""));
            assertRefused(() -> DriverManager.getConnection(db.jdbcUrl(), db.username(), "postgres"));
            assertRefused(() -> DriverManager.getConnection(db.jdbcUrl().replace("/gevinstspor", "/postgres"), "postgres", ""));
            try (Connection c = connect(db)) {
                assertThat(c.isValid(1)).isTrue();
            }
            Path passwordFile = folder.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            for (Path private_ : List.of(folder, folder.resolve("postgres-17"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(private_))).as(private_.toString()).isEqualTo("rwx------");
            }
        }
        // the binaries the server runs from (unpacked once per JVM by its first start, which zonky then reuses)
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, false)) {
            String opts = Files.readString(folder.resolve("postgres-17").resolve("postmaster.opts"));
            Path unpacked = Path.of(opts.substring(0, opts.indexOf(' ')).replace("\"", "")).getParent().getParent().getParent();
            assertThat(unpacked.getFileName().toString()).isEqualTo(EmbeddedDatabase.BINARIES_FOLDER);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked))).isEqualTo("rwx------");
            try (Stream<Path> binaries = Files.walk(unpacked)) {
                assertThat(binaries.filter(p -> !Files.isSymbolicLink(p)).filter(p -> {
                    try {
                        return Files.getPosixFilePermissions(p).stream().anyMatch(x -> !x.name().startsWith("OWNER"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList()).as("binaries others may read, write or run").isEmpty();
            }
        }
        assertThat(Files.readString(folder.resolve("postgres-17").resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#].*\\btrust\\b").contains("scram-sha-256");
        try (EmbeddedDatabase again = EmbeddedDatabase.start(folder, false)) {
            assertThat(again.password()).as("the same password after a restart").isEqualTo(password);
            try (Connection c = connect(again)) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    /** A data folder from before passwords (trust, no password file, a superuser without a password) is migrated. */
    @Test
    void a_folder_from_before_passwords_starts_and_is_migrated() throws Exception {
        Path folder = freshFolder();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, false)) {
            execute(db, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('fra før'); ALTER ROLE postgres PASSWORD NULL");
        }
        Path cluster = folder.resolve("postgres-17");
        Files.writeString(cluster.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Files.delete(folder.resolve(EmbeddedDatabase.PASSWORD_FILE));

        try (EmbeddedDatabase migrated = EmbeddedDatabase.start(folder, false)) {
            assertRefused(() -> DriverManager.getConnection(migrated.jdbcUrl(), migrated.username(), ""));
            try (Connection c = connect(migrated); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("fra før");
            }
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(Files.readString(folder.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip()).isEqualTo(migrated.password());
        }
    }

    private static void assertRefused(java.util.concurrent.Callable<Connection> connecting) {
        assertThatThrownBy(() -> connecting.call().close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static String setting(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void a_second_service_on_the_same_folder_is_refused_with_what_to_do() throws SQLException {
        Path folder = freshFolder();
        try (EmbeddedDatabase first = EmbeddedDatabase.start(folder)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("is already used by another running Gevinstspor (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("GEVINSTSPOR_DATA_DIR");
            // the first one still serves
            execute(first, "SELECT 1");
        }
    }

    @Test
    void a_data_folder_that_is_a_file_is_refused() throws IOException {
        Path file = Files.createDirectories(freshFolder()).resolve("not-a-folder");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> EmbeddedDatabase.start(file))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("Data folder " + file.toAbsolutePath() + " cannot be created")
                .hasMessageContaining("GEVINSTSPOR_DATA_DIR");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void a_data_folder_that_is_not_writable_is_refused() {
        // /proc is a folder that not even root may create files in
        assertThatThrownBy(() -> EmbeddedDatabase.start(Path.of("/proc")))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("Data folder /proc is not writable")
                .hasMessageContaining("GEVINSTSPOR_DATA_DIR");
    }

    @Test
    void an_incomplete_database_folder_is_refused_and_left_as_it_is() throws IOException {
        Path folder = freshFolder();
        Path cluster = Files.createDirectories(folder.resolve(EmbeddedDatabase.CLUSTER_FOLDER));
        Files.writeString(cluster.resolve("base-fragment"), "half an initdb");
        assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("is incomplete");
        assertThat(Files.readString(cluster.resolve("base-fragment"))).isEqualTo("half an initdb");
        // the lock is released again: a corrected start is not blocked by the failed one
        assertThatThrownBy(() -> EmbeddedDatabase.start(folder)).hasMessageNotContaining("already used");
    }

    @Test
    void a_database_folder_of_another_postgresql_version_is_refused() throws IOException {
        Path folder = freshFolder();
        Path cluster = Files.createDirectories(folder.resolve(EmbeddedDatabase.CLUSTER_FOLDER));
        Files.writeString(cluster.resolve("PG_VERSION"), "15\n");
        Files.writeString(cluster.resolve("postgresql.conf"), "");
        assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("belongs to PostgreSQL 15");
    }

    static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
