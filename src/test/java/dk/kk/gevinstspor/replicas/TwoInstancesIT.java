package dk.kk.gevinstspor.replicas;

import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.database.EmbeddedDatabase;
import dk.kk.gevinstspor.proposal.Bodies;
import io.restassured.response.Response;

/**
 * Two replicas of the packaged service (target/quarkus-app) on one PostgreSQL that this test starts, both
 * started at the same moment (Flyway and the first admin race). Runs in the integration-test phase, after the
 * package exists.
 */
class TwoInstancesIT {

    private static final Path FOLDER = Path.of("target", "two-instances");
    private static final String ADMIN_PASSWORD = PackagedService.ADMIN_PASSWORD;

    private static EmbeddedDatabase database;
    private static PackagedService a;
    private static PackagedService b;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(FOLDER);
        database = EmbeddedDatabase.start(FOLDER.resolve("database-" + UUID.randomUUID()));
        String sessionKey = UUID.randomUUID() + "-" + UUID.randomUUID();
        a = PackagedService.start("a", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
        b = PackagedService.start("b", FOLDER, database.jdbcUrl(), database.username(), database.password(), sessionKey);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stop() {
        for (PackagedService instance : new PackagedService[] {a, b}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void both_serve_the_same_data_and_one_admin() {
        String ref = Bodies.reference("BUF");
        a.admin().body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        b.admin().get("/api/proposals/{ref}", ref).then().statusCode(200).body("title", equalTo("Digital pladsanvisning"));
        b.admin().get("/api/users").then().statusCode(200).body("findAll { it.username == 'admin' }.size()", equalTo(1));
    }

    @Test
    void the_same_actuals_saved_through_both_at_once_succeed_once_and_lose_nothing() throws Exception {
        for (int round = 0; round < 5; round++) {
            String ref = Bodies.reference("BUF");
            a.admin().body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);

            // both create the year at once, with different figures
            List<Response> created = atOnce(
                    () -> a.admin().body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref),
                    () -> b.admin().body(Bodies.actuals(2026, 3_100_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref));
            Response winner = oneSucceededOneConflicted(created);
            b.admin().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(winner.path("investment")));

            // both change version 0 at once
            Map<String, Object> fromA = Bodies.actuals(2026, 2_950_000, 0, 0, 0, 0);
            Map<String, Object> fromB = Bodies.actuals(2026, 2_960_000, 0, 0, 0, 0);
            fromA.put("version", 0);
            fromB.put("version", 0);
            List<Response> changed = atOnce(
                    () -> a.admin().body(fromA).put("/api/proposals/{ref}/actuals/2026", ref),
                    () -> b.admin().body(fromB).put("/api/proposals/{ref}/actuals/2026", ref));
            Response changer = oneSucceededOneConflicted(changed);
            a.admin().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(changer.path("investment")))
                    .body("[0].version", num(1));
        }
    }

    @Test
    void a_user_signed_in_on_one_is_signed_in_on_the_other() {
        Response login = signIn(a);
        assertThat(login.statusCode()).isEqualTo(302);
        String session = login.getCookie("gevinstspor-session");
        assertThat(session).isNotBlank();
        given().baseUri(b.url()).cookie("gevinstspor-session", session).get("/").then().statusCode(200)
                .body(containsString("Logget ind som admin"));
    }

    @Test
    void an_upload_checked_on_one_is_confirmed_on_the_other() {
        String ref = Bodies.reference("BUF");
        a.admin().body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        String session = signIn(a).getCookie("gevinstspor-session");
        Response form = given().baseUri(a.url()).cookie("gevinstspor-session", session).get("/indberetning/upload");
        Map<String, String> cookies = new HashMap<>(form.getCookies());
        cookies.put("gevinstspor-session", session);
        String token = Jsoup.parse(form.asString()).selectFirst("input[name=csrf-token]").val();

        String csv = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect\n"
                + ref + ";2026;3.000.000;0;0;0;0\n";
        Response checked = given().baseUri(a.url()).cookies(cookies)
                .multiPart("file", "tal.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .multiPart("csrf-token", token).post("/indberetning/upload");
        assertThat(checked.statusCode()).as(checked.asString()).isEqualTo(200);
        Document check = Jsoup.parse(checked.asString());
        String pending = check.selectFirst("form[action=/indberetning/upload/bekraeft] input[name=fil]").val();

        Response confirmed = given().baseUri(b.url()).cookies(cookies).formParam("fil", pending).formParam("csrf-token", token)
                .post("/indberetning/upload/bekraeft");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        a.admin().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(3_000_000));
        // taken once: confirming again on the first replica finds nothing
        given().baseUri(a.url()).cookies(cookies).formParam("fil", pending).formParam("csrf-token", token)
                .post("/indberetning/upload/bekraeft").then().statusCode(404);
    }

    @Test
    void guessing_on_one_is_throttled_on_the_other() throws Exception {
        String guessed = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            given().baseUri(a.url()).auth().preemptive().basic(guessed, "wrong-" + i).get("/api/committees").then().statusCode(401);
        }
        // each attempt is counted in the database before its password is checked; the wait only guards the test
        awaitFailures(guessed, 5);
        given().baseUri(b.url()).auth().preemptive().basic(guessed, "wrong-again").get("/api/committees").then().statusCode(429);
        b.admin().get("/api/committees").then().statusCode(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    @Test
    void replicas_started_together_rebuild_the_snapshots_once() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int rebuilt;
        int skipped;
        do {
            Thread.sleep(500);
            rebuilt = count("Evaluation snapshots rebuilt:");
            skipped = count("rebuilt by another replica after this one started");
        } while (rebuilt + skipped < 2 && System.nanoTime() < deadline);
        assertThat(rebuilt).as("start-up rebuilds of both replicas").isEqualTo(1);
        assertThat(skipped).as("replicas that found the rebuild done").isEqualTo(1);
    }

    /** Lines of both services' logs containing the text. */
    private static int count(String text) throws IOException {
        int n = 0;
        for (PackagedService instance : new PackagedService[] { a, b }) {
            n += (int) Files.readAllLines(instance.log()).stream().filter(line -> line.contains(text)).count();
        }
        return n;
    }

    private static void awaitFailures(String user, int failures) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                java.sql.PreparedStatement select = c.prepareStatement("SELECT failures FROM login_failure WHERE attempt LIKE ?")) {
            select.setString(1, "%|" + user);
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getInt(1) >= failures) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the failed logins of " + user + " did not reach the database");
    }

    @SafeVarargs
    private static List<Response> atOnce(Callable<Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response oneSucceededOneConflicted(List<Response> responses) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertThat(statuses).as(responses.stream().map(Response::asString).toList().toString()).containsExactly(200, 409);
        Response loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        return responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    }

    /** Signs in to one service with the login form as a browser does: the page first (its CSRF cookie), then the form. */
    private static Response signIn(PackagedService service) {
        io.restassured.filter.cookie.CookieFilter cookies = new io.restassured.filter.cookie.CookieFilter();
        String action = Jsoup.parse(given().baseUri(service.url()).filter(cookies).get("/login").asString()).selectFirst("form.login")
                .attr("action");
        return given().baseUri(service.url()).filter(cookies).redirects().follow(false).formParam("j_username", "admin")
                .formParam("j_password", ADMIN_PASSWORD).post(action);
    }
}
