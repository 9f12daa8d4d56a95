package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The login throttle (docs/security.md: Signing in) through HTTP, as a guesser meets it: per client address and user
 * name, counted before the password is checked, cleared only by a verified sign-in of that name; the same for HTTP Basic
 * and the login form; the client's address is the rightmost untrusted X-Forwarded-For hop. The tests run from loopback,
 * a trusted proxy by default, so each names its own client address in X-Forwarded-For and its own users.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String PASSWORD = "right-password-" + UUID.randomUUID().toString().substring(0, 8);

    /** A fresh user of role viewer with {@link #PASSWORD}. */
    private static String newUser() {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        json().body(Bodies.map("username", name, "password", PASSWORD, "roles", List.of("viewer"))).post("/api/users")
                .then().statusCode(201);
        return name;
    }

    /** A client address (TEST-NET-2); each test has users of its own, so addresses may repeat. */
    private static String newAddress() {
        return "198.51.100." + (1 + (int) (Math.random() * 254));
    }

    private static RequestSpecification from(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    private static Response basic(String address, String user, String password, String path) {
        return from(address).auth().preemptive().basic(user, password).get(path);
    }

    /** The login form as a browser posts it: after opening /login, with its CSRF token. */
    private static Response form(String address, String user, String password) {
        io.restassured.filter.cookie.CookieFilter browser = new io.restassured.filter.cookie.CookieFilter();
        String action = dk.kk.gevinstspor.common.web.Browser.loginAction(browser);
        return from(address).filter(browser).formParam("j_username", user).formParam("j_password", password).post(action);
    }

    @Test
    void a_parallel_burst_of_wrong_guesses_is_stopped_after_five_checks() throws Exception {
        String user = newUser();
        String address = newAddress();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/committees");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String credentials = Base64.getEncoder().encodeToString((user + ":wrong-guess-" + i).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials)
                    .header("X-Forwarded-For", address).header("Accept", "application/json").GET().build();
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        Map<Integer, Long> statuses = answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(statuses).as("statuses of 40 parallel wrong guesses").containsOnlyKeys(401, 429)
                .containsEntry(401, 5L).containsEntry(429, 35L);
        // the block holds for the right password too: it is not checked
        basic(address, user, PASSWORD, "/api/committees").then().statusCode(429);
    }

    @Test
    void the_api_answers_a_blocked_guess_429_problem_json_with_retry_after_and_a_danish_message() {
        String user = newUser();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            basic(address, user, "wrong-" + i, "/api/committees").then().statusCode(401);
        }
        Response blocked = basic(address, user, "wrong-again", "/api/committees");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(blocked.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(blocked.jsonPath().getString("errors[0].code")).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(blocked.jsonPath().getString("errors[0].message")).startsWith("For mange forsøg på at logge ind")
                .contains("Prøv igen om 1 minut");
        // another user name from the same address, and the same user name from another address, are not blocked
        String other = newUser();
        basic(address, other, PASSWORD, "/api/committees").then().statusCode(200);
        basic(newAddress(), user, PASSWORD, "/api/committees").then().statusCode(200);
    }

    @Test
    void credentials_sent_to_a_public_endpoint_neither_clear_nor_are_checked() {
        String user = newUser();
        String address = newAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(basic(address, user, "wrong-" + i, "/api/committees").statusCode());
            basic(address, user, "wrong-" + i, "/q/openapi").then().statusCode(200);
        }
        assertThat(statuses).as("wrong guesses, each followed by the same credentials on /q/openapi")
                .containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
    }

    @Test
    void only_a_verified_sign_in_of_that_user_name_clears_its_count() {
        String user = newUser();
        String other = newUser();
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            basic(address, user, "wrong-" + i, "/api/committees").then().statusCode(401);
            basic(address, other, PASSWORD, "/api/committees").then().statusCode(200);
        }
        basic(address, user, "wrong-4", "/api/committees").then().statusCode(401);
        basic(address, user, "wrong-5", "/api/committees").then().statusCode(429);

        String cleared = newUser();
        for (int i = 0; i < 4; i++) {
            basic(address, cleared, "wrong-" + i, "/api/committees").then().statusCode(401);
        }
        basic(address, cleared, PASSWORD, "/api/committees").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            basic(address, cleared, "wrong-again-" + i, "/api/committees").then().statusCode(401);
        }
    }

    @Test
    void the_login_form_counts_per_user_name_and_another_users_sign_in_does_not_clear_it() {
        String victim = newUser();
        String colleague = newUser();
        String address = newAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Response wrong = form(address, victim, "wrong-" + i);
            statuses.add(wrong.statusCode());
            Response good = form(address, colleague, PASSWORD);
            assertThat(good.statusCode()).as("the colleague's sign-in %d", i).isEqualTo(302);
            assertThat(good.header("Location")).doesNotContain("fejl");
        }
        assertThat(statuses).containsExactly(303, 303, 303, 303, 303, 429, 429);
        Response blocked = form(address, victim, PASSWORD);
        assertThat(blocked.statusCode()).as("the right password during the block").isEqualTo(429);
        assertThat(blocked.contentType()).startsWith("text/html");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(blocked.asString()).contains("For mange forsøg på at logge ind").contains("Prøv igen om 1 minut");
        assertThat(blocked.headers().getValues("Set-Cookie")).as("no session").noneMatch(c -> c.startsWith("gevinstspor-session="));
    }

    @Test
    void failures_for_made_up_names_do_not_lock_out_the_other_users_of_the_address() {
        String address = newAddress();
        String madeUp = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            form(address, madeUp, "guess-" + i);
            form(address, "nobody-" + UUID.randomUUID().toString().substring(0, 8), "guess");
        }
        form(address, madeUp, "guess").then().statusCode(429);
        String user = newUser();
        Response signedIn = form(address, user, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("fejl");
        assertThat(signedIn.header("Set-Cookie")).contains("gevinstspor-session=");
    }

    @Test
    void the_client_is_the_rightmost_hop_that_is_not_a_trusted_proxy() {
        String user = newUser();
        String client = "192.0.2." + (1 + (int) (Math.random() * 254));
        // the client writes what it likes to the left; the proxy (loopback here) appends the address it saw
        for (int i = 0; i < 5; i++) {
            basic("10.9.8." + i + ", " + client, user, "wrong-" + i, "/api/committees").then().statusCode(401);
        }
        basic("10.9.8.77, " + client, user, "wrong", "/api/committees").then().statusCode(429);
        basic(client, user, "wrong", "/api/committees").then().statusCode(429);
        // trusted proxies right of the client are passed over
        basic("10.9.8.78, " + client + ", 127.0.0.1", user, "wrong", "/api/committees").then().statusCode(429);
        // a spoofed entry cannot claim another's address: this client is blocked, another one is not
        basic(client + ", 192.0.2.255", user, PASSWORD, "/api/committees").then().statusCode(200);
    }

    @Test
    void a_correct_sign_in_right_after_a_wrong_one_is_never_a_500() {
        String user = newUser();
        String address = newAddress();
        for (int i = 0; i < 30; i++) {
            Response wrong = form(address, user, "wrong-" + i);
            assertThat(wrong.statusCode()).as("wrong sign-in %d", i).isEqualTo(303);
            Response right = form(address, user, PASSWORD);
            assertThat(right.statusCode()).as("right sign-in %d right after a wrong one: %s", i, right.asString()).isEqualTo(302);
            assertThat(right.header("Set-Cookie")).contains("gevinstspor-session=");
        }
    }
}
