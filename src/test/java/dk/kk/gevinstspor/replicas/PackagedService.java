package dk.kk.gevinstspor.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * One running instance of the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) on its own
 * port, on a database the test owns, its log in the test's folder under target/. For the integration tests
 * (failsafe), which run after the package exists.
 */
final class PackagedService {

    static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private final String name;
    private final Path folder;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private Process process;

    private PackagedService(String name, Path folder, Map<String, String> environment, int port, int managementPort) {
        this.name = name;
        this.folder = folder;
        this.environment = environment;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts an instance on the database at {@code jdbcUrl} (user {@code user}, no password) with the test
     * profile's today and admin password; {@code sessionKey} is shared by instances that must accept each
     * other's sessions. Call {@link #awaitReady()} before using it.
     */
    static PackagedService start(String name, Path folder, String jdbcUrl, String user, String password, String sessionKey)
            throws IOException {
        assertThat(JAR).as("the packaged service (mvn package runs before the integration tests)").exists();
        int port = freePort();
        int managementPort = freePort();
        PackagedService service = new PackagedService(name, folder, Map.of(
                "DB_URL", jdbcUrl,
                "DB_USER", user,
                "DB_PASSWORD", password,
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort),
                "GEVINSTSPOR_SESSION_KEY", sessionKey,
                "GEVINSTSPOR_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "GEVINSTSPOR_TODAY", "2030-03-01"), port, managementPort);
        Files.deleteIfExists(service.log());
        service.launch();
        return service;
    }

    /** Starts the instance again on the same port and database after {@link #kill()} or {@link #stop()}. */
    void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        Path tmp = Files.createDirectories(folder.resolve(name + "-tmp")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The management interface (health, metrics), which the application port does not serve. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    Path log() {
        return folder.resolve(name + ".log");
    }

    /** A request as the admin (HTTP Basic), JSON both ways, numbers read as BigDecimal. */
    RequestSpecification admin() {
        return given().baseUri(url()).config(EXACT_NUMBERS).contentType("application/json").accept("application/json")
                .auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    /** A request without credentials. */
    RequestSpecification anonymous() {
        return given().baseUri(url());
    }

    /** A request to the management interface (health, metrics). */
    RequestSpecification management() {
        return given().baseUri(managementUrl());
    }

    /** A number of a JSON answer, whether it came as an integer or a decimal. */
    static java.math.BigDecimal decimal(io.restassured.response.Response response, String path) {
        return new java.math.BigDecimal(String.valueOf((Object) response.path(path)));
    }

    /** Waits (at most 180 s) until /q/health/ready (management port) answers 200. */
    void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " ended with " + process.exitValue() + ":\n" + Files.readString(log()));
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
        throw new AssertionError("instance " + name + " not ready after 180 s:\n" + Files.readString(log()));
    }

    /** SIGKILL: the process ends at once, without its shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("instance " + name + " killed").isTrue();
    }

    /** SIGTERM without waiting: the service begins its graceful shutdown (readiness DOWN, then draining). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; false if it still runs after {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
