package dk.kk.gevinstspor;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.database.EmbeddedDatabase;
import dk.kk.gevinstspor.common.database.ExternalDatabase;
import dk.kk.gevinstspor.common.database.StartupFailure;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Gevinstspor. Without {@code DB_URL} it first starts the embedded PostgreSQL in
 * {@code GEVINSTSPOR_DATA_DIR} (default {@code ./data}), so the database is up before the datasource and
 * Flyway; it stops it again after the service has stopped. With {@code DB_URL} it checks that server once
 * and starts nothing.
 */
@QuarkusMain
public class GevinstsporMain {

    private static final Logger LOG = Logger.getLogger(GevinstsporMain.class);

    public static void main(String... args) {
        EmbeddedDatabase embedded;
        try {
            embedded = prepareDatabase();
        } catch (StartupFailure e) {
            fail(e.getMessage());
            System.exit(1);
            return;
        }
        sessionKeyIfUnset();
        privateUploadFolder();
        AtomicInteger exitCode = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        if (embedded != null) {
            // On SIGTERM the JVM ends when its shutdown hooks do: wait until the service has let go of the database.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitQuietly(stopped);
                embedded.close();
            }, "embedded-postgres-stop"));
        }
        try {
            Quarkus.run(Service.class, (code, failure) -> {
                exitCode.set(code);
                if (failure != null) {
                    explain(failure);
                }
            }, args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            stopped.countDown();
        }
        System.exit(exitCode.get());
    }

    private static EmbeddedDatabase prepareDatabase() {
        String url = System.getenv("DB_URL");
        if (url != null && !url.isBlank()) {
            ExternalDatabase.check(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
            return null;
        }
        String folder = System.getenv().getOrDefault("GEVINSTSPOR_DATA_DIR", "data");
        // The library narrates every step of initdb at INFO; its warnings and errors are what an operator needs.
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(folder));
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        LOG.infof("Embedded PostgreSQL 17 serves database %s from %s", EmbeddedDatabase.DATABASE, db.dataDir());
        return db;
    }

    /**
     * Without {@code GEVINSTSPOR_SESSION_KEY} sessions are encrypted with a random key of this run (one replica;
     * sign-ins end with a restart). Quarkus would make one too, but would print it in the log.
     */
    private static void sessionKeyIfUnset() {
        String key = System.getenv("GEVINSTSPOR_SESSION_KEY");
        if ((key == null || key.isBlank()) && System.getProperty("quarkus.http.auth.session.encryption-key") == null) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            System.setProperty("quarkus.http.auth.session.encryption-key", java.util.Base64.getEncoder().encodeToString(random));
        }
    }

    /** Multipart uploads are written to a private folder (mode 700, random name), not a shared /tmp name. */
    private static void privateUploadFolder() {
        if (System.getProperty("quarkus.http.body.uploads-directory") != null || System.getenv("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY") != null) {
            return;
        }
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("gevinstspor-uploads-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            System.setProperty("quarkus.http.body.uploads-directory", folder.toString());
        } catch (java.io.IOException e) {
            fail("Cannot create a private folder for uploads in " + System.getProperty("java.io.tmpdir") + " (" + e.getMessage()
                    + "). Set java.io.tmpdir to a writable folder.");
            System.exit(1);
        }
    }

    /** Quarkus leaves the explaining of a failed start to us, since we handle its exit. */
    private static void explain(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof QuarkusBindException bind) {
            fail("Port " + bind.getPort() + " is already in use by another process. Stop that process, or start Gevinstspor"
                    + " on another port with QUARKUS_HTTP_PORT.");
        } else {
            LOG.error("Gevinstspor did not start", failure);
            fail("Gevinstspor did not start: " + root.getClass().getSimpleName() + ": " + root.getMessage());
        }
    }

    /**
     * One line on standard error. Logging is not (or no longer) set up when the start fails, and records
     * logged before Quarkus starts wait for it, so they would be lost.
     */
    private static void fail(String message) {
        System.err.println(LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS) + " ERROR [gevinstspor] " + message);
        System.err.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The running service: it serves until asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
