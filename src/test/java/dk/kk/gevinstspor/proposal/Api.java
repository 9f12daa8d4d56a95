package dk.kk.gevinstspor.proposal;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the JSON API for tests; numbers are read as BigDecimal and compared by value. */
public final class Api {

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    /** The admin created on the empty test database (gevinstspor.admin-password in the test profile). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    /** A JSON request as the admin. */
    public static RequestSpecification json() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    /** A JSON request as the given user (HTTP Basic). */
    public static RequestSpecification as(String username, String password) {
        return anonymous().auth().preemptive().basic(username, password);
    }

    /** A JSON request without credentials. */
    public static RequestSpecification anonymous() {
        return given().config(EXACT_NUMBERS).contentType("application/json").accept("application/json");
    }

    /** Matches a JSON number equal in value to the given one ({@code 4.0} equals {@code 4}). */
    public static Matcher<Object> num(Object expected) {
        BigDecimal value = new BigDecimal(expected.toString());
        return Matchers.allOf(Matchers.notNullValue(), new org.hamcrest.TypeSafeMatcher<Object>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number n && new BigDecimal(n.toString()).compareTo(value) == 0;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a number equal to " + value.toPlainString());
            }
        });
    }

    public static ValidatableResponse create(Map<String, Object> proposal) {
        return json().body(proposal).when().post("/api/proposals").then();
    }

    /** Stores the proposal and fails the test unless it was created. */
    public static ValidatableResponse created(Map<String, Object> proposal) {
        return create(proposal).statusCode(201);
    }

    public static ValidatableResponse putActuals(String reference, int year, Map<String, Object> actuals) {
        return json().body(actuals).when().put("/api/proposals/{reference}/actuals/{year}", reference, year).then();
    }

    /**
     * Stores {@code body} as a proposal adopted in 2027 (its price level too) with a three-year plan — 500,000
     * invested in 2027, a gain of 250,000 in 2028 and 500,000 from 2029, one economic target — and its actuals of
     * 2027-2029 as planned: a proposal with figures for the lists' and searches' filters.
     */
    public static void createdIn2027WithFigures(Map<String, Object> body) {
        body.put("adoptionYear", 2027);
        body.put("priceLevelYear", 2027);
        body.put("plan", List.of(Bodies.line(2027, 500_000, 0, 0, 0, 0), Bodies.line(2028, 0, 0, 0, 250_000, 0),
                Bodies.line(2029, 0, 0, 0, 500_000, 0)));
        body.put("targets", List.of(Bodies.map("code", "EFF", "type", "ECONOMIC")));
        created(body);
        String reference = (String) body.get("reference");
        putActuals(reference, 2027, Bodies.actuals(2027, 500_000, 0, 0, 0, 0)).statusCode(200);
        putActuals(reference, 2028, Bodies.actuals(2028, 0, 0, 0, 250_000, 0)).statusCode(200);
        putActuals(reference, 2029, Bodies.actuals(2029, 0, 0, 0, 500_000, 0)).statusCode(200);
    }

    public static ValidatableResponse evaluation(String reference, int year) {
        return json().when().get("/api/proposals/{reference}/evaluation?year={year}", reference, year).then();
    }
}
