package dk.kk.gevinstspor.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL stopped for 30 s under traffic (the test owns the server: zonky's PostgreSQL, the binaries the
 * service embeds, on a fixed port and data folder): readiness goes DOWN, writes get 503 problem+json, the
 * service recovers by itself when the server is back on the same port, and every acknowledged write is stored.
 */
class DatabaseOutageIT {

    private static final Path FOLDER = Path.of("target", "database-outage");
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int WRITERS = 4;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger unavailable = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> acknowledgedProposals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    void the_service_answers_503_while_the_database_is_away_and_recovers_by_itself_losing_nothing() throws Exception {
        Files.createDirectories(FOLDER);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path cluster = FOLDER.resolve("cluster-" + UUID.randomUUID());
        EmbeddedPostgres postgres = startPostgres(cluster, port);
        PackagedService service = PackagedService.start("service", FOLDER, "jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "", UUID.randomUUID() + "-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            service.awaitReady();
            List<Writer> writers = new ArrayList<>();
            List<Future<?>> traffic = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Writer writer = new Writer(service);
                writers.add(writer);
                traffic.add(pool.submit(writer));
            }
            Thread.sleep(5_000);
            int acknowledgedBefore = acknowledged(writers);
            assertThat(acknowledgedBefore).as("writes acknowledged before the outage").isPositive();

            postgres.close();
            long back = System.nanoTime() + OUTAGE.toNanos();
            awaitReadiness(service, 503, "DOWN", Duration.ofSeconds(20));
            Thread.sleep(Math.max(0, (back - System.nanoTime()) / 1_000_000));
            assertThat(unavailable.get()).as("writes answered 503 problem+json while the database was away; other answers: %s", unexpected)
                    .isPositive();

            postgres = startPostgres(cluster, port);
            awaitReadiness(service, 200, "UP", Duration.ofSeconds(60));
            int acknowledgedAtReturn = acknowledged(writers);
            Thread.sleep(5_000);
            running.set(false);
            for (Future<?> f : traffic) {
                f.get();
            }
            assertThat(unexpected).as("answers other than the expected 2xx and 503 problem+json").isEmpty();
            assertThat(acknowledged(writers)).as("writes acknowledged after the database returned").isGreaterThan(acknowledgedAtReturn);

            for (String reference : acknowledgedProposals) {
                service.admin().get("/api/proposals/{ref}", reference).then().statusCode(200);
            }
            for (Writer writer : writers) {
                Response stored = service.admin().get("/api/proposals/{ref}/actuals", writer.reference);
                assertThat(PackagedService.decimal(stored, "[0].investment")).as(writer.reference).isEqualByComparingTo(BigDecimal.valueOf(writer.lastValue));
                assertThat(stored.<Number>path("[0].version").longValue()).as(writer.reference).isEqualTo(writer.version);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
            service.stop();
            postgres.close();
        }
    }

    private static int acknowledged(List<Writer> writers) {
        return writers.stream().mapToInt(w -> w.acknowledged).sum();
    }

    private static EmbeddedPostgres startPostgres(Path cluster, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOverrideWorkingDirectory(FOLDER.resolve("postgres-binaries").toFile())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", Files.createTempDirectory("pg-socket").toString())
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static void awaitReadiness(PackagedService service, int status, String expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = service.management().get("/q/health/ready");
            if (last.statusCode() == status && expected.equals(last.path("status"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness not " + expected + " within " + within + ": " + (last == null ? "" : last.asString()));
    }

    /** Creates proposals and changes the actuals of its own proposal, one after the other, until stopped. */
    private final class Writer implements Runnable {

        private final PackagedService service;
        private final String reference = Bodies.reference("BUF");
        /** the last acknowledged value of its actuals 2026 and their version then */
        private long lastValue = 3_000_000;
        private long version;
        private volatile int acknowledged;

        Writer(PackagedService service) {
            this.service = service;
            service.admin().body(Bodies.investment(reference)).post("/api/proposals").then().statusCode(201);
            service.admin().body(Bodies.actuals(2026, lastValue, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", reference)
                    .then().statusCode(200);
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    writeOnce();
                } catch (RuntimeException e) {
                    unexpected.add(e.toString());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void writeOnce() {
            String created = Bodies.reference("BUF");
            if (answer(service.admin().body(Bodies.investment(created)).post("/api/proposals"), 201)) {
                acknowledgedProposals.add(created);
            }
            long value = lastValue + 1;
            Map<String, Object> body = Bodies.actuals(2026, value, 0, 0, 0, 0);
            body.put("version", version);
            Response put = service.admin().body(body).put("/api/proposals/{ref}/actuals/2026", reference);
            if (answer(put, 200)) {
                lastValue = value;
                version = put.<Number>path("version").longValue();
            }
        }

        /** true when acknowledged; a 503 must be problem+json, anything else is unexpected */
        private boolean answer(Response response, int success) {
            if (response.statusCode() == success) {
                acknowledged++;
                return true;
            }
            if (response.statusCode() == 503 && response.contentType().startsWith("application/problem+json")) {
                unavailable.incrementAndGet();
            } else {
                unexpected.add(response.statusCode() + " " + response.asString());
            }
            return false;
        }
    }
}
