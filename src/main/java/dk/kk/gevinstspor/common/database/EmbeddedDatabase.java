package dk.kk.gevinstspor.common.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The default database: a real PostgreSQL 17 (binaries from Maven artifacts) whose data lives in a folder
 * that survives restarts. One service at a time may use a data folder (a file lock guards it); the server
 * listens on a free loopback port and keeps its Unix socket in a private folder of its own.
 *
 * <p>Layout of the data folder: {@code gevinstspor.lock} (pid of the owner), {@code postgres-17/} (the
 * cluster), {@code postgres-binaries/} (the unpacked server, reused on restart), {@code postgres-password} (the
 * superuser's password, mode 600).
 *
 * <p>Every connection, over TCP and the private Unix socket, signs in with a password (SCRAM-SHA-256): no other
 * local user can read the database, whose {@code app_user} holds the password hashes. The password is generated on
 * the first start of a folder, kept in {@value #PASSWORD_FILE} and reused at each restart. A cluster from before
 * (created with {@code trust}) is migrated at its next start: the password is set in single-user mode, before any
 * connection is possible, and then {@code pg_hba.conf} is rewritten. The data folder, the cluster and the binaries
 * are readable by the service's user only (0700).
 *
 * <p>The parts: {@link DataFolder} (the folder's lock and checks), {@link ClusterPasswords} (the password and
 * {@code pg_hba.conf}), {@link OwnerOnly} (the permissions).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "gevinstspor";
    public static final String USER = "postgres";
    static final String CLUSTER_FOLDER = "postgres-17";
    static final String LOCK_FILE = "gevinstspor.lock";
    static final String PASSWORD_FILE = "postgres-password";
    static final String BINARIES_FOLDER = "postgres-binaries";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final Path runDir;
    private final boolean durable;
    private String password;
    private EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, Path runDir, boolean durable) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.runDir = runDir;
        this.durable = durable;
    }

    /**
     * Starts PostgreSQL on the given data folder, creating the folder, the cluster and the database
     * {@value #DATABASE} on first use.
     *
     * @throws StartupFailure when the folder cannot be used; nothing in the folder has been changed then
     */
    public static EmbeddedDatabase start(Path dataFolder) {
        return start(dataFolder, true);
    }

    /**
     * As {@link #start(Path)}; {@code durable = false} turns off {@code fsync} (zonky's own default), for
     * throw-away databases such as the tests': a crash of the machine may then corrupt the cluster.
     */
    public static EmbeddedDatabase start(Path dataFolder, boolean durable) {
        Path dataDir = dataFolder.toAbsolutePath().normalize();
        DataFolder.ensureWritable(dataDir);
        FileChannel lock = DataFolder.lock(dataDir);
        EmbeddedDatabase db = null;
        try {
            db = new EmbeddedDatabase(dataDir, lock, DataFolder.privateRunFolder(), durable);
            db.startServer();
            db.createDatabaseIfMissing();
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                DataFolder.closeQuietly(lock);
            }
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The superuser's password (kept in the data folder's {@value #PASSWORD_FILE}). */
    public String password() {
        return password;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown: open transactions roll back) and releases the data folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not stop the embedded PostgreSQL cleanly: %s", e.getMessage());
        } finally {
            DataFolder.closeQuietly(lockChannel);
            DataFolder.deleteRecursively(runDir);
        }
    }

    private void startServer() {
        Path cluster = dataDir.resolve(CLUSTER_FOLDER);
        DataFolder.checkExistingCluster(cluster);
        DataFolder.stopOrphanedServer(cluster);
        OwnerOnly.folder(dataDir);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        password = ClusterPasswords.readOrCreatePassword(passwordFile);
        boolean exists = Files.exists(cluster.resolve("PG_VERSION"));
        boolean setPasswordOnceStarted = false;
        Path binaries = dataDir.resolve(BINARIES_FOLDER);
        if (exists && !ClusterPasswords.passwordRequired(cluster) && !ClusterPasswords.migrateToPasswords(binaries, cluster, password)) {
            // single-user mode refused (PostgreSQL will not run so as root, where only pg_ctl's way works): start with
            // the superuser trusted on loopback alone, set the password, and reload the password rules at once
            ClusterPasswords.trustSuperuserOnLoopback(cluster);
            setPasswordOnceStarted = true;
        }
        // zonky keeps its scratch folders below this property's folder: make that our private one.
        System.setProperty("ot.epg.working-dir", runDir.toString());
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    // a new cluster: zonky runs "initdb -A trust …" followed by these as "--key=value"; the later
                    // --auth wins, and --pwfile sets the superuser's password, so the cluster never trusts anyone
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", runDir.toString())
                    .setServerConfig("synchronous_commit", "on")
                    // zonky starts the server with -F (fsync off); a later -c wins
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    // the server's own log goes to postgres-17/log/, not to the service's console
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("The embedded PostgreSQL in " + cluster + " did not start (" + rootMessage(e)
                    + "). See the lines above; if the folder was copied from another machine, move it away and start again.", e);
        }
        if (setPasswordOnceStarted) {
            ClusterPasswords.setWhileTrusted(postgres.getPostgresDatabase(), cluster, password);
        }
        if (!ClusterPasswords.passwordRequired(cluster)) {
            // initdb wrote its own; ours is the same rule, one text for new and migrated clusters
            ClusterPasswords.requirePasswords(cluster);
        }
        OwnerOnly.tree(binaries);
        OwnerOnly.folder(cluster);
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                    LOG.infof("Created database %s in %s", DATABASE, dataDir);
                }
            }
        } catch (SQLException e) {
            throw new StartupFailure("Could not create database " + DATABASE + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
