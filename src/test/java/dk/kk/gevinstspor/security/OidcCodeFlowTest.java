package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The pages sign in through a real OpenID Connect provider (no.nav.security's mock-oauth2-server, in this JVM, with
 * its interactive login page): discovery, the authorization code flow over HTTP with the client secret, the session,
 * RP-initiated logout. A plain HTTP client walks every redirect as a browser would. Also: a bearer token for another
 * audience is refused (401) where one for Gevinstspor is let in (and refused 403 for having no Gevinstspor group).
 */
@QuarkusTest
@TestProfile(OidcCodeFlowTest.Provider.class)
class OidcCodeFlowTest {

    static final String ISSUER_PROPERTY = "OidcCodeFlowTest.issuer";

    /** OpenID Connect on, against the provider that {@link ProviderServer} starts for this profile. */
    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.http.auth.permission.oidc-sign-in.enabled", "true",
                    "quarkus.oidc.credentials.secret", "test-client-secret");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProviderServer.class));
        }
    }

    /** The identity provider: issuer {@code <url>/kk}, interactive login (a form asking for a user name and claims). */
    public static class ProviderServer implements QuarkusTestResourceLifecycleManager {
        private MockOAuth2Server server;

        @Override
        public Map<String, String> start() {
            server = new MockOAuth2Server(new OAuth2Config(true));
            server.start();
            String issuer = server.issuerUrl("kk").toString();
            System.setProperty(ISSUER_PROPERTY, issuer);
            return Map.of("quarkus.oidc.auth-server-url", issuer);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.shutdown();
            }
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_page_signs_in_through_the_provider_with_the_role_of_its_groups_and_logout_ends_the_session() throws Exception {
        String buf = Bodies.reference("BUF");
        created(Bodies.investment(buf));

        // an anonymous page leads to the provider's sign-in and, signed in there, back to the page
        HttpResponse<String> page = get(app("/indberetning"));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(location(page)).isEqualTo("/login/oidc?side=%2Findberetning");
        HttpResponse<String> challenge = get(resolve(page));
        assertThat(challenge.statusCode()).isEqualTo(302);
        URI authorize = URI.create(location(challenge));
        assertThat(authorize.toString()).startsWith(issuer() + "/authorize").contains("client_id=gevinstspor", "response_type=code",
                "redirect_uri=" + URLEncoder.encode(app("/login/oidc").toString(), StandardCharsets.UTF_8));
        HttpResponse<String> loginForm = get(authorize);
        assertThat(loginForm.statusCode()).isEqualTo(200);
        assertThat(loginForm.body()).contains("name=\"username\"", "name=\"claims\"");

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(authorize).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "anna.buf@kk.dk",
                        "claims", "{\"groups\": [\"gevinstspor-entry-BUF\", \"kk-alle\"]}")))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(signedIn));
        assertThat(callback.toString()).startsWith(app("/login/oidc").toString()).contains("code=", "state=");
        HttpResponse<String> answered = get(callback); // Quarkus takes the code (with the client secret) and opens the session
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        assertThat(cookieNames()).anyMatch(name -> name.startsWith("q_session"));
        URI next = resolve(answered);
        for (int hop = 0; hop < 3 && !next.getPath().equals("/indberetning"); hop++) {
            HttpResponse<String> on = get(next);
            assertThat(on.statusCode()).as("hop to " + next).isIn(302, 303);
            next = resolve(on);
        }
        assertThat(next.getPath()).isEqualTo("/indberetning");
        HttpResponse<String> entry = get(next);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).contains("Logget ind som anna.buf@kk.dk", buf);

        // the groups decide as for bearer tokens: entry for BUF, no admin pages
        assertThat(get(app("/admin")).statusCode()).isEqualTo(403);
        String csrf = Jsoup.parse(entry.body()).select("input[name=csrf-token]").first().val();
        // the API takes the session for reads, and for writes only with the pages' CSRF token (docs/security.md, CSRF)
        assertThat(get(app("/api/proposals/" + buf)).statusCode()).isEqualTo(200);
        String actuals = new ObjectMapper().writeValueAsString(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0));
        HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(app("/api/proposals/" + buf + "/actuals/2026"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(actuals)).build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF_TOKEN_REQUIRED");
        json().get("/api/proposals/{ref}/actuals", buf).then().body("$", empty());
        HttpResponse<String> withToken = send(HttpRequest.newBuilder(app("/api/proposals/" + buf + "/actuals/2026"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString(actuals)).build());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        json().get("/api/proposals/{ref}/history", buf).then().body(org.hamcrest.Matchers.containsString("anna.buf@kk.dk"));

        // another site cannot sign the user out: the provider's logout needs the token
        assertThat(get(app("/logout/oidc")).statusCode()).isEqualTo(400);
        assertThat(get(app("/indberetning")).statusCode()).isEqualTo(200);

        // logout: the session ends here and at the provider, which sends the browser back to the start page
        HttpResponse<String> logout = send(HttpRequest.newBuilder(app("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf-token", csrf)))).build());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(location(logout)).startsWith("/logout/oidc?csrf-token=");
        HttpResponse<String> rpLogout = get(resolve(logout));
        assertThat(rpLogout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(location(rpLogout));
        assertThat(endSession.toString()).startsWith(issuer() + "/endsession").contains("post_logout_redirect_uri=");
        assertThat(cookieNames()).noneMatch(name -> name.startsWith("q_session"));
        HttpResponse<String> back = get(endSession);
        assertThat(back.statusCode()).isIn(302, 303);
        URI home = resolve(back);
        assertThat(home.getAuthority()).isEqualTo(app("/").getAuthority());
        assertThat(home.getPath()).isEqualTo("/");
        HttpResponse<String> start = get(home);
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).doesNotContain("Logget ind som").contains("Log ind");
        assertThat(get(app("/indberetning")).statusCode()).isEqualTo(303);
        assertThat(get(app("/api/proposals/" + buf)).statusCode()).isEqualTo(401);
    }

    @Test
    void the_login_page_offers_the_provider_and_still_the_form_for_database_users() throws Exception {
        HttpResponse<String> login = get(app("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        var document = Jsoup.parse(login.body());
        assertThat(document.select("a[href=/login/oidc]")).hasSize(1);
        assertThat(document.select("form.login input[name=j_username]")).hasSize(1);
        // and Basic keeps working for the database users (the first admin, service accounts)
        json().get("/api/committees").then().statusCode(200);
    }

    @Test
    void a_bearer_token_for_another_audience_is_refused() throws Exception {
        String forGevinstspor = clientCredentialsToken("gevinstspor");
        String forAnother = clientCredentialsToken("another-app");
        assertThat(claim(forAnother, "aud")).contains("another-app");
        assertThat(claim(forGevinstspor, "aud")).contains("gevinstspor");
        // signed by the provider, not expired, but not for Gevinstspor: 401
        RestAssured.given().header("Authorization", "Bearer " + forAnother).accept("application/json").get("/api/committees")
                .then().statusCode(401);
        // for Gevinstspor: signed in, then refused for having no Gevinstspor group (403), so the audience made the 401
        RestAssured.given().header("Authorization", "Bearer " + forGevinstspor).accept("application/json").get("/api/committees")
                .then().statusCode(403);
    }

    /** An access token from the provider's token endpoint (client credentials); its audience is the requested scope. */
    private String clientCredentialsToken(String scope) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("some-client:secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope)))).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
    }

    private static String claim(String jwt, String name) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path(name).toString();
    }

    private static String issuer() {
        return System.getProperty(ISSUER_PROPERTY);
    }

    private static URI app(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + response.statusCode()));
    }

    private static URI resolve(HttpResponse<?> response) {
        return response.uri().resolve(location(response));
    }

    private List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(java.net.HttpCookie::getName).toList();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
