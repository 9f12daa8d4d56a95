package dk.kk.gevinstspor.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "gevinstspor";
    public static final String USER = "postgres";
    static final String CLUSTER_FOLDER = "postgres-17";
    static final String LOCK_FILE = "gevinstspor.lock";
    static final String PASSWORD_FILE = "postgres-password";
    static final String BINARIES_FOLDER = "postgres-binaries";
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
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

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
        ensureWritableFolder(dataDir);
        FileChannel lock = lockFolder(dataDir);
        EmbeddedDatabase db = null;
        try {
            db = new EmbeddedDatabase(dataDir, lock, privateRunFolder(), durable);
            db.startServer();
            db.createDatabaseIfMissing();
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                closeQuietly(lock);
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
            closeQuietly(lockChannel);
            deleteRecursively(runDir);
        }
    }

    private void startServer() {
        Path cluster = dataDir.resolve(CLUSTER_FOLDER);
        checkExistingCluster(cluster);
        stopOrphanedServer(cluster);
        ownerOnly(dataDir);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        password = readOrCreatePassword(passwordFile);
        boolean exists = Files.exists(cluster.resolve("PG_VERSION"));
        boolean setPasswordOnceStarted = false;
        if (exists && !passwordRequired(cluster) && !migrateToPasswords(cluster)) {
            // single-user mode refused (PostgreSQL will not run so as root, where only pg_ctl's way works): start with
            // the superuser trusted on loopback alone, set the password, and reload the password rules at once
            writeOwnerOnly(cluster.resolve("pg_hba.conf"), "host all " + USER + " 127.0.0.1/32 trust\n");
            setPasswordOnceStarted = true;
        }
        // zonky keeps its scratch folders below this property's folder: make that our private one.
        System.setProperty("ot.epg.working-dir", runDir.toString());
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDir.resolve(BINARIES_FOLDER).toFile())
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
        }        if (setPasswordOnceStarted) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement alter = c.createStatement()) {
                alter.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
                writeOwnerOnly(cluster.resolve("pg_hba.conf"), HBA);
                alter.execute("SELECT pg_reload_conf()");
            } catch (SQLException e) {
                throw new StartupFailure("Could not give the database in " + cluster + " a password: " + e.getSQLState(), e);
            }
            LOG.infof("The database in %s has a password now (it trusted local connections before)", cluster);
        }
        if (!passwordRequired(cluster)) {
            // initdb wrote its own; ours is the same rule, one text for new and migrated clusters
            writeOwnerOnly(cluster.resolve("pg_hba.conf"), HBA);
        }
        ownerOnlyTree(dataDir.resolve(BINARIES_FOLDER));
        ownerOnly(cluster);
    }

    /** The password of the folder, or a new one (32 random bytes, URL-safe Base64) written with mode 600. */
    static String readOrCreatePassword(Path file) {
        try {
            if (Files.exists(file)) {
                ownerOnlyFile(file);
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            byte[] bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            String generated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            writeOwnerOnly(file, generated + "\n");
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

    /**
     * A cluster made before passwords (trust): sets the superuser's password in single-user mode (no connection is
     * possible meanwhile), then writes our pg_hba.conf. False when single-user mode cannot run (no unpacked server
     * yet, or PostgreSQL refuses to: as root); nothing is changed then. Interrupted, it is done again at the next start.
     */
    private boolean migrateToPasswords(Path cluster) {
        Optional<Path> server = unpackedServer();
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
            if (!single.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || single.exitValue() != 0) {
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
        writeOwnerOnly(cluster.resolve("pg_hba.conf"), HBA);
        return true;
    }

    /** The postgres program unpacked by an earlier start (zonky's {@code PG-<digest>/bin/postgres}, completely unpacked). */
    private Optional<Path> unpackedServer() {
        try (Stream<Path> unpacked = Files.list(dataDir.resolve(BINARIES_FOLDER))) {
            return unpacked.filter(d -> Files.exists(d.resolve(".exists"))).map(d -> d.resolve("bin").resolve("postgres"))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StartupFailure("Cannot write " + file + " (" + rootMessage(e) + ").", e);
        }
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** A folder readable, writable and searchable by the service's user only. */
    private static void ownerOnly(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupFailure("Cannot make " + folder + " private to the service's user (" + rootMessage(e) + ").", e);
        }
    }

    /** The binaries: no one else may write (or read) them; the service's user keeps what it had, execution included. */
    private static void ownerOnlyTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                var permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
                permissions.removeIf(x -> !x.name().startsWith("OWNER"));
                Files.setPosixFilePermissions(p, permissions);
            }
        } catch (IOException | UnsupportedOperationException | UncheckedIOException e) {
            throw new StartupFailure("Cannot make " + folder + " private to the service's user (" + rootMessage(e) + ").", e);
        }
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

    private static void ensureWritableFolder(Path dataDir) {
        String fix = " Point GEVINSTSPOR_DATA_DIR to a folder the service may write, or fix the permissions.";
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupFailure("Data folder " + dataDir + " cannot be created (" + rootMessage(e) + ")." + fix, e);
        }
        Path probe = dataDir.resolve(".write-test-" + ProcessHandle.current().pid());
        try {
            Files.writeString(probe, "probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StartupFailure("Data folder " + dataDir + " is not writable (" + rootMessage(e) + ")." + fix, e);
        }
    }

    private static FileChannel lockFolder(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupFailure("Cannot open lock file " + lockFile + " (" + rootMessage(e) + ").", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupFailure("Cannot lock " + lockFile + " (" + rootMessage(e) + ").", e);
        }
        if (lock == null) {
            String owner = readOwner(channel).map(pid -> " (pid " + pid + ")").orElse("");
            closeQuietly(channel);
            throw new StartupFailure("Data folder " + dataDir + " is already used by another running Gevinstspor" + owner
                    + ". Stop that instance first, or set GEVINSTSPOR_DATA_DIR to another folder.");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupFailure("Cannot write lock file " + lockFile + " (" + rootMessage(e) + ").", e);
        }
        return channel;
    }

    private static Optional<String> readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A cluster folder we did not make completely, or of another PostgreSQL version, is left untouched. */
    private static void checkExistingCluster(Path cluster) {
        if (!Files.isDirectory(cluster)) {
            return;
        }
        Path version = cluster.resolve("PG_VERSION");
        try {
            if (!Files.exists(version) || !Files.exists(cluster.resolve("postgresql.conf"))) {
                boolean empty;
                try (Stream<Path> entries = Files.list(cluster)) {
                    empty = entries.findAny().isEmpty();
                }
                if (empty) {
                    return;
                }
                throw new StartupFailure("Database folder " + cluster + " is incomplete (an interrupted first start?)."
                        + " Move it away to create a new empty database, or restore it from a backup.");
            }
            String major = Files.readString(version).trim();
            if (!"17".equals(major)) {
                throw new StartupFailure("Database folder " + cluster + " belongs to PostgreSQL " + major
                        + ", this service runs PostgreSQL 17. Upgrade it with pg_upgrade or use another GEVINSTSPOR_DATA_DIR.");
            }
        } catch (IOException e) {
            throw new StartupFailure("Cannot read database folder " + cluster + " (" + rootMessage(e) + ").", e);
        }
    }

    /**
     * We hold the folder's lock, so a server still running on it was left behind by a service that was killed.
     * Ask it to shut down (SIGINT: fast shutdown) before we start our own.
     */
    private static void stopOrphanedServer(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
            if (server.isEmpty()) {
                return;
            }
            LOG.warnf("A PostgreSQL (pid %d) left by an earlier service still runs on %s; stopping it", pid, cluster);
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupFailure("A PostgreSQL left by an earlier service still runs on " + cluster
                    + " and could not be stopped (" + rootMessage(e) + "). Stop it by hand (pg_ctl stop -D " + cluster + ").", e);
        }
    }

    private static Path privateRunFolder() {
        try {
            return Files.createTempDirectory("gevinstspor-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new StartupFailure("Cannot create a private temporary folder in " + System.getProperty("java.io.tmpdir")
                    + " (" + rootMessage(e) + "). Set java.io.tmpdir to a writable folder.", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not remove %s: %s", folder, e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf("Closing %s failed: %s", closeable, e.getMessage());
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
