package dk.kk.gevinstspor.common.database;

import static dk.kk.gevinstspor.common.database.EmbeddedDatabase.USER;
import static dk.kk.gevinstspor.common.database.EmbeddedDatabase.rootMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The superuser's password of the embedded cluster and the {@code pg_hba.conf} that asks every connection for it
 * (SCRAM-SHA-256): the password is kept in the data folder's {@code postgres-password}; a cluster from before
 * (created with {@code trust}) is given the password in single-user mode, or, where PostgreSQL refuses that (as
 * root), right after a start that trusts the superuser on loopback alone.
 */
final class ClusterPasswords {

    /** Our pg_hba.conf: a password for every connection. */
    static final String HBA = """
            # Written by Gevinstspor (common.database.EmbeddedDatabase): a password (SCRAM-SHA-256) for every connection.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private ClusterPasswords() {
    }

    /** The password of the folder, or a new one (32 random bytes, URL-safe Base64) written with mode 600. */
    static String readOrCreatePassword(Path file) {
        try {
            if (Files.exists(file)) {
                OwnerOnly.file(file);
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            OwnerOnly.write(file, generated + "\n");
            return generated;
        } catch (IOException e) {
            throw new StartupFailure("Cannot keep the database password in " + file + " (" + rootMessage(e) + ").", e);
        }
    }

    /** Whether the cluster's pg_hba.conf asks every connection for a password (no trust, peer or ident line). */
    static boolean passwordRequired(Path cluster) {
        try {
            List<String> rules = Files.readAllLines(cluster.resolve("pg_hba.conf")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return !rules.isEmpty() && rules.stream().allMatch(l -> l.endsWith("scram-sha-256"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes our pg_hba.conf (a password for every connection) into the cluster. */
    static void requirePasswords(Path cluster) {
        OwnerOnly.write(cluster.resolve("pg_hba.conf"), HBA);
    }

    /** Lets the superuser in without a password, on loopback alone, until {@link #setWhileTrusted} has run. */
    static void trustSuperuserOnLoopback(Path cluster) {
        OwnerOnly.write(cluster.resolve("pg_hba.conf"), "host all " + USER + " 127.0.0.1/32 trust\n");
    }

    /**
     * A cluster made before passwords (trust): sets the superuser's password in single-user mode (no connection is
     * possible meanwhile), then writes our pg_hba.conf. False when single-user mode cannot run (no unpacked server
     * yet, or PostgreSQL refuses to: as root); nothing is changed then. Interrupted, it is done again at the next start.
     */
    static boolean migrateToPasswords(Path binaries, Path cluster, String password) {
        Optional<Path> server = unpackedServer(binaries);
        if (server.isEmpty()) {
            return false;
        }
        LOG.infof("Giving the database in %s a password (it trusted every local connection before)", cluster);
        try {
            Process single = new ProcessBuilder(server.get().toString(), "--single", "-D", cluster.toString(),
                    "-c", "password_encryption=scram-sha-256", "-c", "logging_collector=off", "-c", "log_statement=none", USER)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (var in = single.getOutputStream()) {
                in.write(("ALTER ROLE " + USER + " PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0) {
                single.destroyForcibly();
                LOG.warnf("PostgreSQL in single-user mode could not set the password of %s; it is set right after the start", cluster);
                return false;
            }
        } catch (IOException e) {
            LOG.warnf("PostgreSQL in single-user mode did not run (%s); the password is set right after the start", rootMessage(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while giving the database in " + cluster + " a password.", e);
        }
        requirePasswords(cluster);
        return true;
    }

    /** On a server started after {@link #trustSuperuserOnLoopback}: sets the password and reloads our pg_hba.conf. */
    static void setWhileTrusted(DataSource server, Path cluster, String password) {
        try (Connection c = server.getConnection(); Statement alter = c.createStatement()) {
            alter.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            requirePasswords(cluster);
            alter.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new StartupFailure("Could not give the database in " + cluster + " a password: " + e.getSQLState(), e);
        }
        LOG.infof("The database in %s has a password now (it trusted local connections before)", cluster);
    }

    /** The postgres program unpacked by an earlier start (zonky's {@code PG-<digest>/bin/postgres}, completely unpacked). */
    private static Optional<Path> unpackedServer(Path binaries) {
        try (Stream<Path> unpacked = Files.list(binaries)) {
            return unpacked.filter(d -> Files.exists(d.resolve(".exists"))).map(d -> d.resolve("bin").resolve("postgres"))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
