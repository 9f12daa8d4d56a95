package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.anonymous;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Sign-in by OpenID Connect as the prod overlay turns it on: bearer tokens signed by the provider's key (here a
 * key pair made for this run) and meant for Gevinstspor (audience), the groups claim giving role and
 * administrations. Database users keep signing in. The pages' sign-in through the provider: OidcCodeFlowTest.
 */
@QuarkusTest
@TestProfile(OpenIdConnectTest.Provider.class)
class OpenIdConnectTest {

    static final String ISSUER = "https://login.test.invalid/realms/kk";
    /** The audience Gevinstspor's tokens carry: GEVINSTSPOR_OIDC_AUDIENCE, by default the client id. */
    static final String AUDIENCE = "gevinstspor";

    /** Turns OpenID Connect on with the public key of {@link Keys} instead of the provider's discovery. */
    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // bearer tokens only ("service": a public key instead of discovery needs it); the pages' code flow is OidcCodeFlowTest's
            return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.application-type", "service",
                    "quarkus.oidc.auth-server-url", "",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(Keys.provider().getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    @Test
    void an_entry_group_writes_the_actuals_of_its_administration_and_is_refused_another_s() {
        String buf = Bodies.reference("BUF");
        String sof = Bodies.reference("SOF");
        created(Bodies.investment(buf));
        created(Bodies.investment(sof));
        String token = token("oidc.buf", Set.of("gevinstspor-entry-BUF", "some-other-group"), 300);

        bearer(token).body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", buf)
                .then().statusCode(200);
        json().get("/api/proposals/{ref}/actuals", buf).then().body("$", hasSize(1)).body("[0].investment", num(3_000_000));
        json().get("/api/proposals/{ref}/history", buf).then().body(containsString("oidc.buf"));

        bearer(token).body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", sof)
                .then().statusCode(403).contentType("application/problem+json");
        json().get("/api/proposals/{ref}/actuals", sof).then().body("$", empty());
    }

    @Test
    void the_admin_and_viewer_groups_give_their_roles_and_other_groups_none() {
        String ref = Bodies.reference("BUF");
        bearer(token("oidc.admin", Set.of("gevinstspor-admin"), 300)).body(Bodies.investment(ref)).post("/api/proposals")
                .then().statusCode(201);
        String viewer = token("oidc.viewer", Set.of("gevinstspor-viewer"), 300);
        bearer(viewer).get("/api/proposals/{ref}", ref).then().statusCode(200);
        bearer(viewer).body(Bodies.actuals(2026, 1, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref)
                .then().statusCode(403);
        // a group called like a role is not the role
        bearer(token("oidc.nobody", Set.of("admin", "entry", "gevinstspor-entry-"), 300)).get("/api/proposals/{ref}", ref)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_expired_wrongly_signed_or_foreign_audience_token_is_401_and_changes_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        String expired = Jwt.issuer(ISSUER).audience(AUDIENCE).upn("oidc.buf").groups(Set.of("gevinstspor-entry-BUF"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)).sign(Keys.provider().getPrivate());
        String forged = Jwt.issuer(ISSUER).audience(AUDIENCE).upn("oidc.buf").groups(Set.of("gevinstspor-entry-BUF")).expiresIn(300)
                .sign(Keys.generate().getPrivate());
        String otherAudience = Jwt.issuer(ISSUER).audience("another-app").upn("oidc.buf").groups(Set.of("gevinstspor-entry-BUF"))
                .expiresIn(300).sign(Keys.provider().getPrivate());
        String noAudience = Jwt.issuer(ISSUER).upn("oidc.buf").groups(Set.of("gevinstspor-entry-BUF")).expiresIn(300)
                .sign(Keys.provider().getPrivate());
        for (String token : new String[] {expired, forged, otherAudience, noAudience, "not-a-token"}) {
            bearer(token).body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref)
                    .then().statusCode(401);
        }
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", empty());
    }

    @Test
    void database_users_still_sign_in_by_basic_and_by_the_login_form() {
        json().get("/api/committees").then().statusCode(200);
        anonymous().get("/api/committees").then().statusCode(401);
        given().redirects().follow(false).get("/indberetning").then().statusCode(303).header("Location", containsString("/login"));
        TestUsers.ensure();
        var cookies = new io.restassured.filter.cookie.CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("j_username", TestUsers.VIEWER)
                .formParam("j_password", TestUsers.PASSWORD).post(dk.kk.gevinstspor.common.web.Browser.loginAction(cookies))
                .then().statusCode(302).header("Location", not(containsString("fejl")));
        given().filter(cookies).get("/").then().statusCode(200).body(containsString("Logget ind som " + TestUsers.VIEWER));
    }

    private static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private static String token(String user, Set<String> groups, long seconds) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).claim("preferred_username", user).groups(groups).expiresIn(seconds)
                .sign(Keys.provider().getPrivate());
    }

    /**
     * The provider's key pair of this test run. The profile (read before Quarkus starts) and the test (loaded by
     * Quarkus' class loader) see different copies of this class, so the pair is kept in a system property.
     */
    static final class Keys {
        private static final String PROPERTY = "OpenIdConnectTest.privateKey";

        static synchronized KeyPair provider() {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                String stored = System.getProperty(PROPERTY);
                if (stored == null) {
                    KeyPair pair = generate();
                    System.setProperty(PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                    return pair;
                }
                PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored)));
                var crt = (java.security.interfaces.RSAPrivateCrtKey) key;
                return new KeyPair(rsa.generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key);
            } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
                throw new IllegalStateException(e);
            }
        }

        static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
