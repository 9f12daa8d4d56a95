package dk.kk.gevinstspor.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.database.EmbeddedDatabase;
import dk.kk.gevinstspor.proposal.Bodies;
import io.restassured.response.Response;

/**
 * 60 s of load from 16 connections against two instances on one database: evaluations and reports read while
 * actuals are written with their version. No 5xx, no lost update (each proposal's final actuals are those of
 * its last acknowledged write, and no two writes were acknowledged for the same version), and the report's
 * totals equal the stored actuals afterwards.
 */
class MixedLoadIT {

    private static final Path FOLDER = Path.of("target", "mixed-load");
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 16;
    private static final int PROPOSALS = 20;
    private static final String MAJBIDRAG = "/api/reports/majbidrag/2027?committee=BUU&priceLevelYear=2026";

    /** one acknowledged write: the version it produced and the investment it stored */
    private record Ack(long version, long investment) {
    }

    private final Map<String, ConcurrentLinkedQueue<Ack>> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();

    @Test
    void mixed_reads_and_writes_on_two_instances_lose_nothing_and_answer_no_5xx() throws Exception {
        Files.createDirectories(FOLDER);
        String sessionKey = UUID.randomUUID() + "-" + UUID.randomUUID();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(FOLDER.resolve("database-" + UUID.randomUUID()), false)) {
            PackagedService a = PackagedService.start("a", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
            PackagedService b = PackagedService.start("b", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                a.awaitReady();
                b.awaitReady();
                List<String> references = new ArrayList<>();
                for (int i = 0; i < PROPOSALS; i++) {
                    String reference = Bodies.reference("BUF");
                    a.admin().body(Bodies.investment(reference)).post("/api/proposals").then().statusCode(201);
                    a.admin().body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", reference)
                            .then().statusCode(200);
                    references.add(reference);
                    acknowledged.put(reference, new ConcurrentLinkedQueue<>(List.of(new Ack(0, 3_000_000))));
                }
                PackagedService[] instances = { a, b };
                long end = System.nanoTime() + LOAD.toNanos();
                List<Future<?>> load = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    load.add(pool.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            PackagedService instance = instances[random.nextInt(2)];
                            String reference = references.get(random.nextInt(PROPOSALS));
                            int kind = random.nextInt(10);
                            if (kind < 4) {
                                read(instance.admin().get("/api/proposals/{ref}/evaluation?year=2026", reference));
                            } else if (kind < 5) {
                                read(instance.admin().get(MAJBIDRAG));
                            } else {
                                // within 5 % of the plan (3,000,000), so no explanation is required
                                write(instance, reference, random.nextLong(2_900_000, 3_100_001));
                            }
                        }
                    }));
                }
                for (Future<?> f : load) {
                    f.get();
                }
                assertThat(unexpected).as("unexpected answers (%d reads, %d writes, %d conflicts)", reads.get(), writes.get(),
                        conflicts.get()).isEmpty();
                assertThat(writes.get()).as("acknowledged writes").isGreaterThan(PROPOSALS);

                BigDecimal storedTotal = BigDecimal.ZERO;
                for (String reference : references) {
                    List<Ack> acks = new ArrayList<>(acknowledged.get(reference));
                    assertThat(acks.stream().map(Ack::version).distinct().count()).as("versions acknowledged once each for " + reference)
                            .isEqualTo(acks.size());
                    Ack last = acks.stream().max(Comparator.comparingLong(Ack::version)).orElseThrow();
                    Response stored = b.admin().get("/api/proposals/{ref}/actuals", reference);
                    assertThat(PackagedService.decimal(stored, "[0].investment")).as(reference).isEqualByComparingTo(BigDecimal.valueOf(last.investment()));
                    assertThat(stored.<Number>path("[0].version").longValue()).as(reference).isEqualTo(last.version());
                    storedTotal = storedTotal.add(BigDecimal.valueOf(last.investment()));
                }
                assertThat(storedTotal).isEqualByComparingTo(sumOfStoredInvestments(database, references));
                for (PackagedService instance : instances) {
                    Response report = instance.admin().get(MAJBIDRAG);
                    assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
                    assertThat(report.<List<?>>path("rows")).hasSize(PROPOSALS);
                    assertThat(PackagedService.decimal(report, "totals.actualPoolMoney")).isEqualByComparingTo(storedTotal);
                }
            } finally {
                pool.shutdownNow();
                a.stop();
                b.stop();
            }
        }
    }

    private void read(Response response) {
        reads.incrementAndGet();
        if (response.statusCode() != 200) {
            unexpected.add("read: " + response.statusCode() + " " + response.asString());
        }
    }

    /** Reads the actuals' version, then writes a new investment with it: 200 (acknowledged) or 409 (someone was first). */
    private void write(PackagedService instance, String reference, long investment) {
        Response current = instance.admin().get("/api/proposals/{ref}/actuals", reference);
        if (current.statusCode() != 200) {
            unexpected.add("read for write: " + current.statusCode() + " " + current.asString());
            return;
        }
        Map<String, Object> body = Bodies.actuals(2026, investment, 0, 0, 0, 0);
        body.put("version", current.<Number>path("[0].version").longValue());
        Response put = instance.admin().body(body).put("/api/proposals/{ref}/actuals/2026", reference);
        if (put.statusCode() == 200) {
            writes.incrementAndGet();
            acknowledged.get(reference).add(new Ack(put.<Number>path("version").longValue(), investment));
        } else if (put.statusCode() == 409 && put.contentType().startsWith("application/problem+json")) {
            conflicts.incrementAndGet();
        } else {
            unexpected.add("write: " + put.statusCode() + " " + put.asString());
        }
    }

    private static BigDecimal sumOfStoredInvestments(EmbeddedDatabase database, List<String> references) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement select = c.prepareStatement("SELECT coalesce(sum(a.investment), 0) FROM actual a"
                        + " JOIN proposal p ON p.id = a.proposal_id WHERE a.year = 2026 AND p.reference = ANY (?)")) {
            select.setArray(1, c.createArrayOf("varchar", references.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
