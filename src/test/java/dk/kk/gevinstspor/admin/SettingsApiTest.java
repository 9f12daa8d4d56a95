package dk.kk.gevinstspor.admin;

import static dk.kk.gevinstspor.proposal.Api.anonymous;
import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Bodies.line;
import static dk.kk.gevinstspor.proposal.Bodies.map;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.kk.gevinstspor.domain.Frame;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Settings of API.md: the price index and the innovation pool's frame limits. The test database is shared by
 * every test class of the JVM, so each test removes the price index rows and frame limits it stored (an empty
 * price index means factor 1 for everyone else).
 */
@QuarkusTest
class SettingsApiTest {

    private static final String VIEWER = "viewer.settings";
    private static final String ENTRY = "entry.settings";
    private static final String PASSWORD = "settings-password-123";

    @Inject
    PriceIndexRepository priceIndices;

    @Inject
    FrameLimitRepository frameLimits;

    @BeforeEach
    void users() {
        createUser(VIEWER, List.of("viewer"), List.of());
        createUser(ENTRY, List.of("entry"), List.of("BUF"));
    }

    @AfterEach
    void removeWhatTheTestStored() {
        QuarkusTransaction.requiringNew().run(() -> {
            priceIndices.delete("year >= ?1", 2040);
            frameLimits.delete("adoptionYear in ?1", List.of(2033, 2034, 2035));
        });
    }

    // --- price index --------------------------------------------------------------------------------

    @Test
    void a_year_is_stored_read_and_listed_in_order() {
        json().body(map("year", 2041, "index", 112.4)).put("/api/price-index/2041").then().statusCode(200)
                .body("year", equalTo(2041)).body("index", num("112.4")).body("version", num(0));
        json().body(map("index", 100)).put("/api/price-index/2040").then().statusCode(200).body("year", equalTo(2040));
        json().get("/api/price-index/2041").then().statusCode(200)
                .body("year", equalTo(2041)).body("index", num("112.4")).body("version", num(0));
        as(VIEWER, PASSWORD).get("/api/price-index/2041").then().statusCode(200).body("index", num("112.4"));
        json().get("/api/price-index").then().statusCode(200).header("X-Total-Count", "2")
                .body("year", contains(2040, 2041)).body("index", contains(num(100), num("112.4")));
    }

    @Test
    void an_absent_year_is_404() {
        json().get("/api/price-index/2049").then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "index {0}")
    @ValueSource(strings = { "0", "-1", "112.12345" })
    void an_index_that_is_not_positive_or_has_more_than_four_decimals_is_422(String index) {
        json().body("{\"index\": " + index + "}").put("/api/price-index/2042").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("index"));
        json().get("/api/price-index/2042").then().statusCode(404);
    }

    @Test
    void four_decimals_are_accepted() {
        json().body("{\"index\": 101.1234}").put("/api/price-index/2042").then().statusCode(200).body("index", num("101.1234"));
    }

    @Test
    void the_year_in_the_body_must_be_the_path_year() {
        json().body(map("year", 2044, "index", 100)).put("/api/price-index/2043").then().statusCode(422)
                .body("errors.code", hasItem("YEAR_MISMATCH"));
    }

    @Test
    void the_same_index_again_is_unchanged_and_a_change_needs_the_current_version() {
        json().body(map("index", 105)).put("/api/price-index/2045").then().statusCode(200).body("version", num(0));
        // a string is not a number
        json().body(map("index", "105.00")).put("/api/price-index/2045").then().statusCode(400);
        // the same value (in another notation) with a stale version: unchanged
        json().body("{\"index\": 105.000, \"version\": 7}").put("/api/price-index/2045").then().statusCode(200)
                .body("version", num(0)).body("index", num(105));
        // a change without or with a stale version
        json().body(map("index", 106)).put("/api/price-index/2045").then().statusCode(409).contentType("application/problem+json");
        json().body(map("index", 106, "version", 3)).put("/api/price-index/2045").then().statusCode(409);
        json().get("/api/price-index/2045").then().body("index", num(105));
        // with the current version
        json().body(map("year", 2045, "index", 106, "version", 0)).put("/api/price-index/2045").then().statusCode(200)
                .body("index", num(106)).body("version", num(1));
        json().body(map("index", 107, "version", 0)).put("/api/price-index/2045").then().statusCode(409);
    }

    @Test
    void only_admins_change_the_price_index() {
        as(VIEWER, PASSWORD).body(map("index", 100)).put("/api/price-index/2046").then().statusCode(403);
        as(ENTRY, PASSWORD).body(map("index", 100)).put("/api/price-index/2046").then().statusCode(403);
        anonymous().body(map("index", 100)).put("/api/price-index/2046").then().statusCode(401);
        anonymous().get("/api/price-index/2046").then().statusCode(401);
        json().get("/api/price-index/2046").then().statusCode(404);
    }

    // --- frame limits -------------------------------------------------------------------------------

    @Test
    void an_adoption_year_without_stored_limits_has_the_defaults() {
        as(VIEWER, PASSWORD).get("/api/innovation-frames/2034/limits").then().statusCode(200)
                .body("TRANSFER_CASE", num(10_000_000)).body("BUDGET", num(5_000_000))
                .body("PRE_ANALYSIS_ADMINISTRATION", num(3_000_000)).body("PRE_ANALYSIS_CROSS_CUTTING", num(1_000_000))
                .body("TOTAL", num(15_000_000));
    }

    @Test
    void a_subset_is_stored_and_the_whole_map_returned() {
        json().body(map("BUDGET", 4_000_000, "TOTAL", 14_500_000.5)).put("/api/innovation-frames/2034/limits").then()
                .statusCode(200).body("TRANSFER_CASE", num(10_000_000)).body("BUDGET", num(4_000_000))
                .body("PRE_ANALYSIS_ADMINISTRATION", num(3_000_000)).body("PRE_ANALYSIS_CROSS_CUTTING", num(1_000_000))
                .body("TOTAL", num("14500000.5"));
        json().body(map("TRANSFER_CASE", 9_000_000)).put("/api/innovation-frames/2034/limits").then().statusCode(200)
                .body("TRANSFER_CASE", num(9_000_000)).body("BUDGET", num(4_000_000));
        json().get("/api/innovation-frames/2034/limits").then().statusCode(200)
                .body("TRANSFER_CASE", num(9_000_000)).body("BUDGET", num(4_000_000)).body("TOTAL", num("14500000.5"));
        // another year is untouched
        json().get("/api/innovation-frames/2035/limits").then().body("BUDGET", num(5_000_000));
    }

    @Test
    void a_negative_amount_too_many_decimals_or_an_unknown_frame_is_refused_and_nothing_changes() {
        json().body(map("BUDGET", -1, "TOTAL", 1)).put("/api/innovation-frames/2035/limits").then().statusCode(422)
                .contentType("application/problem+json").body("errors.code", hasItem("AMOUNT_NEGATIVE"));
        json().body(map("BUDGET", 1.234)).put("/api/innovation-frames/2035/limits").then().statusCode(422)
                .body("errors.code", hasItem("AMOUNT_TOO_MANY_DECIMALS"));
        json().body(map("BUDGET", 1, "LOTTERY", 5)).put("/api/innovation-frames/2035/limits").then().statusCode(422)
                .body("errors.code", hasItem("UNKNOWN_FRAME")).body("errors.field", hasItem("LOTTERY"));
        json().body(map("BUDGET", "many")).put("/api/innovation-frames/2035/limits").then().statusCode(400);
        json().get("/api/innovation-frames/2035/limits").then().body("BUDGET", num(5_000_000)).body("TOTAL", num(15_000_000));
    }

    @Test
    void only_admins_change_frame_limits() {
        as(VIEWER, PASSWORD).body(map("BUDGET", 1)).put("/api/innovation-frames/2035/limits").then().statusCode(403);
        as(ENTRY, PASSWORD).body(map("BUDGET", 1)).put("/api/innovation-frames/2035/limits").then().statusCode(403);
        anonymous().body(map("BUDGET", 1)).put("/api/innovation-frames/2035/limits").then().statusCode(401);
        anonymous().get("/api/innovation-frames/2035/limits").then().statusCode(401);
        json().get("/api/innovation-frames/2035/limits").then().body("BUDGET", num(5_000_000));
    }

    @Test
    void a_lowered_frame_limit_makes_frame_exceeded_appear_on_the_proposal() {
        // Adoption year 2033 at the budget: no other test uses it.
        String ref = Bodies.reference("KFF");
        Map<String, Object> p = Bodies.investment(ref);
        p.put("kind", "INNOVATION");
        p.put("expectedInvestmentProposalYear", 2035);
        p.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "description", "Pilot afsluttet", "dueYear", 2034))));
        p.put("adoptionYear", 2033);
        p.put("plan", List.of(line(2033, 1_500_000, 0, 0, 0, 0)));
        created(p).body("findings.code", not(hasItem("FRAME_EXCEEDED")));

        json().body(map(Frame.BUDGET.name(), 1_000_000)).put("/api/innovation-frames/2033/limits").then().statusCode(200);
        json().get("/api/proposals/{ref}", ref).then().statusCode(200).body("findings.code", contains("FRAME_EXCEEDED"));

        json().body(map(Frame.BUDGET.name(), 1_500_000)).put("/api/innovation-frames/2033/limits").then().statusCode(200);
        json().get("/api/proposals/{ref}", ref).then().statusCode(200).body("findings.code", not(hasItem("FRAME_EXCEEDED")));
    }

    private static void createUser(String username, List<String> roles, List<String> administrations) {
        int status = json().body(map("username", username, "password", PASSWORD, "roles", roles, "administrations", administrations))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create " + username + ": " + status);
        }
    }
}
