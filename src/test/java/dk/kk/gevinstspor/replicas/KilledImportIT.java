package dk.kk.gevinstspor.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.database.EmbeddedDatabase;

/**
 * SIGKILL of the packaged service while it merges a 1,000,000-row import (100,000 proposals x 10 years) into
 * the database, with chunks already merged and more being read: the import's one transaction never commits, so after a restart not one of its rows is stored,
 * and the service is ready and imports again.
 */
class KilledImportIT {

    private static final Path FOLDER = Path.of("target", "killed-import");
    private static final int PROPOSALS = 100_000;
    /** the import's merge statement (ImportMerge.merge), run a chunk at a time while the file is still read (ImportWriter) */
    private static final String MERGE = "WITH upserted AS (INSERT INTO actual%";
    /** how many times actual was analyzed other than by autovacuum */
    private static final String ANALYZED = "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'actual'";

    @Test
    void a_service_killed_during_a_million_row_import_stores_none_of_it_and_starts_healthy() throws Exception {
        Files.createDirectories(FOLDER);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(FOLDER.resolve("database-" + UUID.randomUUID()), false);
                Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            PackagedService service = PackagedService.start("service", FOLDER, database.jdbcUrl(), database.username(),
                    database.password(), UUID.randomUUID() + "-" + UUID.randomUUID());
            try {
                service.awaitReady();
                Portfolio.create(sql, PROPOSALS);
                Path million = Portfolio.actualsFile(FOLDER.resolve("million.csv"), 1, PROPOSALS);
                long revisions = count(sql, "SELECT count(*) FROM revision");

                CompletableFuture<HttpResponse<String>> upload = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create(service.url() + "/api/imports/actuals"))
                                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                        ("admin:" + PackagedService.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofFile(million)).build(),
                        HttpResponse.BodyHandlers.ofString());
                awaitMerge(sql, upload);
                service.kill();
                awaitNoMerge(sql);

                assertThat(count(sql, "SELECT count(*) FROM actual")).as("actual rows after the kill").isZero();
                assertThat(count(sql, "SELECT count(*) FROM actual_aud")).as("audit rows after the kill").isZero();
                assertThat(count(sql, "SELECT count(*) FROM revision")).as("revisions after the kill").isEqualTo(revisions);

                service.restart();
                service.awaitReady();
                service.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                assertThat(count(sql, "SELECT count(*) FROM actual")).as("actual rows after the restart").isZero();
                // healthy: the same proposals import again (no lock or half-merged row is left behind)
                Path small = Portfolio.actualsFile(FOLDER.resolve("small.csv"), 1, 3);
                service.admin().contentType("text/csv").body(Files.readAllBytes(small)).post("/api/imports/actuals")
                        .then().statusCode(200).body("created", equalTo(30));
                assertThat(count(sql, "SELECT count(*) FROM actual")).isEqualTo(30);

                // all or nothing across chunks: 30,000 rows (the first chunk merged while the rest is read) whose last
                // row repeats the first one (proposal, year, figures): 422, and not one of its rows or audit rows is stored
                Path failing = Portfolio.actualsFile(FOLDER.resolve("failing.csv"), 101, 3100);
                Files.writeString(failing, "BEN-000101,2016,1000000,0,0,0,0,0,\n", java.nio.file.StandardOpenOption.APPEND);
                long revisionsBefore = count(sql, "SELECT count(*) FROM revision");
                service.admin().contentType("text/csv").body(Files.readAllBytes(failing)).post("/api/imports/actuals")
                        .then().statusCode(422).body("errors[0].row", equalTo(30_002)).body("errors[0].code", equalTo("DUPLICATE_ROW"));
                assertThat(count(sql, "SELECT count(*) FROM actual")).as("actual rows after a failed import").isEqualTo(30);
                assertThat(count(sql, "SELECT count(*) FROM actual_aud")).as("audit rows after a failed import").isEqualTo(30);
                assertThat(count(sql, "SELECT count(*) FROM revision")).isEqualTo(revisionsBefore);

                // an import of 10,000 rows or more refreshes the planner's statistics of actual (ANALYZE, counted apart
                // from autovacuum's): the small and the failed import above did not, so the one ANALYZE so far is the
                // portfolio's own (bench/lib/portfolio.sql, run long enough ago to be counted by now)
                assertThat(count(sql, ANALYZED)).as("ANALYZE of actual before").isEqualTo(1);
                Path tenThousand = Portfolio.actualsFile(FOLDER.resolve("ten-thousand.csv"), 5001, 6000);
                service.admin().contentType("text/csv").body(Files.readAllBytes(tenThousand)).post("/api/imports/actuals")
                        .then().statusCode(200).body("created", equalTo(10_000));
                long analyzedBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (count(sql, ANALYZED) == 1 && System.nanoTime() < analyzedBy) {
                    Thread.sleep(100); // the statistics reach pg_stat_user_tables within a second or so
                }
                assertThat(count(sql, ANALYZED)).as("ANALYZE of actual by the import").isEqualTo(2);
            } finally {
                service.stop();
            }
        }
    }

    /** Waits until the import's merge statement runs in the database (at most 5 minutes). */
    private static void awaitMerge(Connection sql, CompletableFuture<HttpResponse<String>> upload) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (upload.isDone()) {
                throw new AssertionError("the import ended before its merge was seen: " + upload.get().statusCode() + " "
                        + upload.get().body());
            }
            if (merging(sql)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import did not reach its merge in 5 minutes");
    }

    /** Waits until PostgreSQL has noticed the lost client and rolled its transaction back (at most 60 s). */
    private static void awaitNoMerge(Connection sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (merging(sql) || count(sql, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'") > 0) {
            assertThat(System.nanoTime()).as("the killed service's connections are gone").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean merging(Connection sql) throws SQLException {
        return count(sql, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '" + MERGE + "'") > 0;
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
