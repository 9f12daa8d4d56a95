package dk.kk.gevinstspor.common.database;

import static dk.kk.gevinstspor.common.database.EmbeddedDatabase.LOCK_FILE;
import static dk.kk.gevinstspor.common.database.EmbeddedDatabase.rootMessage;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The embedded database's folders before and after its server runs: the data folder (writable, locked by one
 * service at a time), the cluster folder's checks (complete, PostgreSQL 17, no server left running on it) and the
 * private run folder for the server's Unix socket and zonky's scratch files.
 */
final class DataFolder {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private DataFolder() {
    }

    static void ensureWritable(Path dataDir) {
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

    static FileChannel lock(Path dataDir) {
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
    static void checkExistingCluster(Path cluster) {
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
    static void stopOrphanedServer(Path cluster) {
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
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupFailure("A PostgreSQL left by an earlier service still runs on " + cluster
                    + " and could not be stopped (" + rootMessage(e) + "). Stop it by hand (pg_ctl stop -D " + cluster + ").", e);
        }
    }

    static Path privateRunFolder() {
        try {
            return Files.createTempDirectory("gevinstspor-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new StartupFailure("Cannot create a private temporary folder in " + System.getProperty("java.io.tmpdir")
                    + " (" + rootMessage(e) + "). Set java.io.tmpdir to a writable folder.", e);
        }
    }

    static void deleteRecursively(Path folder) {
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

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debugf("Closing %s failed: %s", closeable, e.getMessage());
        }
    }
}
