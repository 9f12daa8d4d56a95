package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Listing with filters and paging, and the error answers of every kind. Only this class adopts proposals led
 * by TMF, so that its counts are its own.
 */
@QuarkusTest
class ProposalListAndErrorsApiTest {

    static final String[] TMF = new String[3];

    @BeforeEach
    void adoptThreeTmfProposalsOnce() {
        if (TMF[0] != null) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            TMF[i] = "TMF-L-" + i + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        }
        java.util.Arrays.sort(TMF);
        created(Bodies.investment(TMF[0]));
        created(Bodies.investment(TMF[1]));
        Map<String, Object> innovation = Bodies.investment(TMF[2]);
        innovation.put("kind", "INNOVATION");
        innovation.put("digital", false);
        innovation.put("expectedInvestmentProposalYear", 2028);
        innovation.put("plan", List.of(Bodies.line(2026, 900_000, 0, 0, 0, 0)));
        innovation.put("targets", List.of(Bodies.map("code", "M1", "type", "MILESTONE", "dueYear", 2026)));
        created(innovation);
    }

    @Test
    void proposals_are_listed_by_administration_committee_kind_and_digital_with_the_total_in_a_header() {
        json().get("/api/proposals?administration=TMF").then().statusCode(200)
                .header("X-Total-Count", "3").body("reference", contains(TMF[0], TMF[1], TMF[2]));
        json().get("/api/proposals?committee=TMU").then().statusCode(200).header("X-Total-Count", "3");
        json().get("/api/proposals?administration=TMF&kind=INNOVATION").then().header("X-Total-Count", "1")
                .body("reference", contains(TMF[2]));
        json().get("/api/proposals?administration=TMF&digital=true").then().header("X-Total-Count", "2")
                .body("digital", everyItem(equalTo(true)));
    }

    @Test
    void pages_are_cut_by_page_and_size() {
        json().get("/api/proposals?administration=TMF&size=2&page=0").then().header("X-Total-Count", "3").body("$", hasSize(2));
        json().get("/api/proposals?administration=TMF&size=2&page=1").then().header("X-Total-Count", "3")
                .body("reference", contains(TMF[2]));
    }

    @Test
    void wrong_query_parameters_are_400_problems_naming_the_parameter() {
        json().get("/api/proposals?size=1001").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        json().get("/api/proposals?kind=LOAN").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        json().get("/api/proposals?digital=ja").then().statusCode(400).body("errors[0].field", equalTo("digital"));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        json().body("{\"reference\": ").post("/api/proposals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void a_wrong_type_an_unknown_field_and_an_unknown_enum_value_are_400_problems_naming_the_field() {
        Map<String, Object> body = Bodies.investment(Bodies.reference("BUF"));
        body.put("adoptionYear", "2026");
        json().body(body).post("/api/proposals").then().statusCode(400)
                .body("errors[0].code", equalTo("WRONG_TYPE")).body("errors[0].field", equalTo("adoptionYear"));

        body = Bodies.investment(Bodies.reference("BUF"));
        body.put("budgetLine", "x");
        json().body(body).post("/api/proposals").then().statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_FIELD")).body("errors[0].field", equalTo("budgetLine"));

        body = Bodies.investment(Bodies.reference("BUF"));
        body.put("kind", "LOAN");
        json().body(body).post("/api/proposals").then().statusCode(400)
                .body("errors[0].code", equalTo("WRONG_TYPE")).body("errors[0].field", equalTo("kind"));

        body = Bodies.investment(Bodies.reference("BUF"));
        Bodies.list(body, "plan").get(0).put("year", 2026.5);
        json().body(body).post("/api/proposals").then().statusCode(400).body("errors[0].field", equalTo("plan[0].year"));
    }

    @Test
    void no_body_a_wrong_media_type_and_a_wrong_method_are_problems_too() {
        json().post("/api/proposals").then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).contentType("text/plain").body("hej").post("/api/proposals").then().statusCode(415)
                .contentType("application/problem+json").body("status", num(415));
        given().auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD).delete("/api/proposals").then().statusCode(405).contentType("application/problem+json");
    }
}
