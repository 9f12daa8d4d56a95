package dk.kk.gevinstspor.replicas;

import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Two replicas of the packaged service (target/quarkus-app) on one PostgreSQL that this test starts, both
 * started at the same moment (Flyway and the first admin race). Runs in the integration-test phase, after the
 * package exists.
 */
class TwoInstancesIT {

    private static final Path FOLDER = Path.of("target", "two-instances");
    private static final String ADMIN_PASSWORD = "admin-test-password";
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private static EmbeddedDatabase database;
    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service (mvn package runs before this test)").exists();
        Files.createDirectories(FOLDER);
        database = EmbeddedDatabase.start(FOLDER.resolve("database-" + UUID.randomUUID()));
        String sessionKey = UUID.randomUUID() + "-" + UUID.randomUUID();
        a = Instance.start("a", jar, database, sessionKey);
        b = Instance.start("b", jar, database, sessionKey);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stop() {
        for (Instance instance : new Instance[] {a, b}) {
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
        admin(a).body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        admin(b).get("/api/proposals/{ref}", ref).then().statusCode(200).body("title", equalTo("Digital pladsanvisning"));
        admin(b).get("/api/users").then().statusCode(200).body("findAll { it.username == 'admin' }.size()", equalTo(1));
    }

    @Test
    void the_same_actuals_saved_through_both_at_once_succeed_once_and_lose_nothing() throws Exception {
        for (int round = 0; round < 5; round++) {
            String ref = Bodies.reference("BUF");
            admin(a).body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);

            // both create the year at once, with different figures
            List<Response> created = atOnce(
                    () -> admin(a).body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref),
                    () -> admin(b).body(Bodies.actuals(2026, 3_100_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref));
            Response winner = oneSucceededOneConflicted(created);
            admin(b).get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(winner.path("investment")));

            // both change version 0 at once
            Map<String, Object> fromA = Bodies.actuals(2026, 2_950_000, 0, 0, 0, 0);
            Map<String, Object> fromB = Bodies.actuals(2026, 2_960_000, 0, 0, 0, 0);
            fromA.put("version", 0);
            fromB.put("version", 0);
            List<Response> changed = atOnce(
                    () -> admin(a).body(fromA).put("/api/proposals/{ref}/actuals/2026", ref),
                    () -> admin(b).body(fromB).put("/api/proposals/{ref}/actuals/2026", ref));
            Response changer = oneSucceededOneConflicted(changed);
            admin(a).get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(changer.path("investment")))
                    .body("[0].version", num(1));
        }
    }

    @Test
    void a_user_signed_in_on_one_is_signed_in_on_the_other() {
        Response login = given().baseUri(a.url()).redirects().follow(false).formParam("j_username", "admin")
                .formParam("j_password", ADMIN_PASSWORD).post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        String session = login.getCookie("gevinstspor-session");
        assertThat(session).isNotBlank();
        given().baseUri(b.url()).cookie("gevinstspor-session", session).get("/").then().statusCode(200)
                .body(containsString("Logget ind som admin"));
    }

    @Test
    void an_upload_checked_on_one_is_confirmed_on_the_other() {
        String ref = Bodies.reference("BUF");
        admin(a).body(Bodies.investment(ref)).post("/api/proposals").then().statusCode(201);
        String session = given().baseUri(a.url()).redirects().follow(false).formParam("j_username", "admin")
                .formParam("j_password", ADMIN_PASSWORD).post("/j_security_check").getCookie("gevinstspor-session");
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
        admin(a).get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(3_000_000));
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
        // a failure is written just after its 401 leaves: wait until the fifth is in the database
        awaitFailures(guessed, 5);
        given().baseUri(b.url()).auth().preemptive().basic(guessed, "wrong-again").get("/api/committees").then().statusCode(429);
        admin(b).get("/api/committees").then().statusCode(200);
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
        for (Instance instance : new Instance[] { a, b }) {
            n += (int) Files.readAllLines(instance.log()).stream().filter(line -> line.contains(text)).count();
        }
        return n;
    }

    private static void awaitFailures(String user, int failures) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
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

    private static RequestSpecification admin(Instance instance) {
        return given().baseUri(instance.url()).config(EXACT_NUMBERS).contentType("application/json").accept("application/json")
                .auth().preemptive().basic("admin", ADMIN_PASSWORD);
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

    /** One running service: java -jar target/quarkus-app/quarkus-run.jar on its own port, its log in target/. */
    private record Instance(String name, Process process, int port, Path log) {

        static Instance start(String name, Path jar, EmbeddedDatabase database, String sessionKey) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path tmp = Files.createDirectories(FOLDER.resolve(name + "-tmp")).toAbsolutePath();
            Path log = FOLDER.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("DB_URL", database.jdbcUrl());
            env.put("DB_USER", database.username());
            env.put("DB_PASSWORD", "");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("GEVINSTSPOR_SESSION_KEY", sessionKey);
            env.put("GEVINSTSPOR_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("GEVINSTSPOR_TODAY", "2030-03-01");
            return new Instance(name, builder.start(), port, log);
        }

        String url() {
            return "http://localhost:" + port;
        }

        void awaitReady() throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("instance " + name + " ended with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("instance " + name + " not ready after 180 s:\n" + Files.readString(log));
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
