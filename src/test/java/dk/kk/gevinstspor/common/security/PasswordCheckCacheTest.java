package dk.kk.gevinstspor.common.security;

import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Remembered password checks (docs/security.md: Signing in): parallel requests with the same new credentials share one
 * check, and a remembered check that is used before it expires is renewed in the background, so the minute's end stalls
 * no request. Counts the checks (bcrypt runs) the cache makes; its clock is moved on instead of waiting a minute.
 */
@QuarkusTest
class PasswordCheckCacheTest {

    private static final String PASSWORD = "cache-password-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int PARALLEL = 24;

    @Inject
    PasswordCheckCache cache;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A fresh viewer with {@link #PASSWORD}; returns when no check runs (the admin's may be renewed meanwhile). */
    private String newUser() throws InterruptedException {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", name, "password", PASSWORD, "roles", List.of("viewer"))).post("/api/users")
                .then().statusCode(201);
        awaitNoCheck();
        return name;
    }

    private void awaitNoCheck() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cache.checking() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(cache.checking()).as("a check still running").isFalse();
    }

    private HttpRequest request(String user, String address) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/committees"))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", address)
                .header("Accept", "application/json").GET().build();
    }

    private int send(String user, String address) throws Exception {
        return client.send(request(user, address), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void parallel_requests_with_the_same_new_credentials_cause_one_check() throws Exception {
        String user = newUser();
        String address = "198.51.100." + (1 + (int) (Math.random() * 254));
        long before = cache.checks();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return send(user, address);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        assertThat(answers.stream().map(CompletableFuture::join)).as("answers").hasSize(PARALLEL).containsOnly(200);
        assertThat(cache.checks() - before).as("password checks for %d parallel requests", PARALLEL).isEqualTo(1);
        // remembered: later requests need no check
        assertThat(send(user, address)).isEqualTo(200);
        assertThat(cache.checks() - before).isEqualTo(1);
    }

    @Test
    void a_remembered_check_used_near_its_expiry_is_renewed_in_the_background() throws Exception {
        String user = newUser();
        String address = "203.0.113." + (1 + (int) (Math.random() * 254));
        long before = cache.checks();
        assertThat(send(user, address)).isEqualTo(200);
        assertThat(cache.checks() - before).as("the first request checks").isEqualTo(1);

        cache.passTime(PasswordCheckCache.REFRESH_AFTER.plusSeconds(5));
        assertThat(send(user, address)).as("answered from the cache while it is renewed").isEqualTo(200);
        awaitNoCheck();
        assertThat(cache.checks() - before).as("one renewal").isEqualTo(2);

        // past the first check's minute: the renewed one answers, nothing waits for a check
        cache.passTime(PasswordCheckCache.TTL.minus(PasswordCheckCache.REFRESH_AFTER));
        assertThat(send(user, address)).isEqualTo(200);
        assertThat(cache.checks() - before).as("no check after the first one's minute ended").isEqualTo(2);
    }

    @Test
    void a_remembered_check_that_is_not_used_expires() throws Exception {
        String user = newUser();
        String address = "192.0.2." + (1 + (int) (Math.random() * 254));
        long before = cache.checks();
        assertThat(send(user, address)).isEqualTo(200);
        cache.passTime(PasswordCheckCache.TTL.plusSeconds(1));
        assertThat(send(user, address)).isEqualTo(200);
        assertThat(cache.checks() - before).as("checked again after the minute").isEqualTo(2);
    }
}
