package dk.kk.gevinstspor.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.database.EmbeddedDatabase;

/**
 * A rolling update's stop, as Kubernetes does it: two packaged services on one database behind a small client-side
 * balancer that sends requests only to instances whose readiness ({@code /q/health/ready} on the management port) was
 * UP at its last check, every 200 ms (what kube-proxy does with a Service's endpoints). Under steady load one instance
 * gets SIGTERM while an import runs on it: its readiness turns DOWN at once while it still serves (the shutdown delay,
 * 10 s), the balancer moves the load to the other, the import completes and is stored, the instance then ends within
 * the pod's grace period, and not one request fails.
 */
class GracefulShutdownIT {

    private static final Path FOLDER = Path.of("target", "graceful-shutdown");
    private static final int PROPOSALS = 5_000;
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + PackagedService.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigterm_under_load_loses_no_request_and_completes_the_requests_in_flight() throws Exception {
        Files.createDirectories(FOLDER);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(FOLDER.resolve("database-" + UUID.randomUUID()), false);
                Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            String sessionKey = UUID.randomUUID() + "-" + UUID.randomUUID();
            PackagedService a = PackagedService.start("a", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
            PackagedService b = PackagedService.start("b", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
            Balancer balancer = new Balancer(List.of(a, b));
            Load load = new Load(balancer);
            try {
                a.awaitReady();
                b.awaitReady();
                Portfolio.create(sql, PROPOSALS);
                Path file = Portfolio.actualsFile(FOLDER.resolve("actuals.csv"), 1, PROPOSALS);

                balancer.start();
                load.start(3);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (load.served.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_000);
                assertThat(load.served).as("both instances take the load before the stop; failures: %s",
                        load.failures.subList(0, Math.min(5, load.failures.size()))).containsKeys(a.url(), b.url());

                // an import in flight on b when it gets SIGTERM (sent to b directly, as a request the balancer had sent)
                CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(URI.create(b.url()
                        + "/api/imports/actuals")).header("Authorization", AUTHORIZATION).header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(300);
                assertThat(upload).as("the import still runs when b gets SIGTERM").isNotDone();
                long servedBeforeStop = load.total.get();
                long stopped = System.nanoTime();
                b.terminate();

                // the shutdown delay: readiness DOWN at once, while b still answers requests
                int readiness = awaitReadiness(b, 503, Duration.ofSeconds(3));
                assertThat(readiness).as("b's readiness soon after SIGTERM").isEqualTo(503);
                HttpResponse<String> during = http.send(get(b.url() + "/api/committees"), HttpResponse.BodyHandlers.ofString());
                assertThat(during.statusCode()).as("b still serves during the shutdown delay").isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(10));

                HttpResponse<String> imported = upload.get(90, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(imported.statusCode()).as("the import in flight on b: " + imported.body()).isEqualTo(200);
                assertThat(imported.body()).contains("\"created\":" + PROPOSALS * 10);
                assertThat(count(sql, "SELECT count(*) FROM actual")).as("the import's rows, stored").isEqualTo(PROPOSALS * 10L);

                assertThat(b.awaitExit(Duration.ofSeconds(40))).as("b ends within the pod's grace period (40 s)").isTrue();
                Duration toExit = Duration.ofNanos(System.nanoTime() - stopped);
                assertThat(toExit).as("b waited the shutdown delay before it stopped").isGreaterThanOrEqualTo(Duration.ofSeconds(10));
                Thread.sleep(2_000);
                load.stop();

                assertThat(load.failures).as("failed requests (of %d)", load.total.get()).isEmpty();
                assertThat(load.total.get()).as("requests after the stop").isGreaterThan(servedBeforeStop + 50);
                assertThat(Files.readString(b.log())).contains("stopped in");
                System.out.printf("GracefulShutdownIT: %d requests, by instance %s, none failed; b ended %d ms after SIGTERM%n",
                        load.total.get(), load.served, toExit.toMillis());
            } finally {
                load.stop();
                balancer.stop();
                a.stop();
                b.stop();
            }
        }
    }

    private int awaitReadiness(PackagedService service, int wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = Balancer.readiness(http, service);
            if (status == wanted) {
                return status;
            }
            Thread.sleep(50);
        }
        return status;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTHORIZATION).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static long count(Connection sql, String query) throws java.sql.SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The instances whose readiness answered 200 at the last check, checked every 200 ms; round robin over them. */
    static final class Balancer {
        private final List<PackagedService> instances;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        private volatile List<PackagedService> ready = List.of();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread checker;

        Balancer(List<PackagedService> instances) {
            this.instances = instances;
        }

        void start() {
            check();
            checker = daemon(() -> {
                while (running.get()) {
                    check();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private void check() {
            List<PackagedService> up = new ArrayList<>();
            for (PackagedService instance : instances) {
                if (readiness(http, instance) == 200) {
                    up.add(instance);
                }
            }
            ready = List.copyOf(up);
        }

        static int readiness(HttpClient http, PackagedService instance) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** An instance that was ready at the last check, or null when none is. */
        PackagedService pick() {
            List<PackagedService> candidates = ready;
            return candidates.isEmpty() ? null : candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (checker != null) {
                checker.join(5_000);
            }
        }
    }

    /** Client threads sending reads through the balancer as fast as answered; every failure kept. */
    final class Load {
        private final Balancer balancer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
        final AtomicLong total = new AtomicLong();

        Load(Balancer balancer) {
            this.balancer = balancer;
        }

        void start(int clients) {
            for (int i = 0; i < clients; i++) {
                threads.add(daemon(this::run));
            }
        }

        private void run() {
            int i = 0;
            while (running.get() && total.get() < 200_000) {
                PackagedService instance = balancer.pick();
                if (instance == null) {
                    failures.add("no ready instance");
                    sleep();
                    continue;
                }
                String path = (i++ % 2 == 0) ? "/api/proposals/BEN-000001/evaluation?year=2025" : "/api/committees";
                try {
                    HttpResponse<String> answer = http.send(get(instance.url() + path), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        failures.add(instance.url() + path + " → " + answer.statusCode() + " " + answer.body());
                    }
                    served.computeIfAbsent(instance.url(), k -> new AtomicLong()).incrementAndGet();
                } catch (IOException e) {
                    failures.add(instance.url() + path + " → " + e);
                } catch (InterruptedException e) {
                    return;
                }
                total.incrementAndGet();
            }
        }

        private void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }
}
