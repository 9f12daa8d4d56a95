package dk.kk.gevinstspor.common.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics, OpenAPI and Swagger UI: what operators and other systems rely on. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void liveness_and_startup_are_up() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_checks_the_database() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void metrics_are_served_for_prometheus() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/committees").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void the_openapi_document_describes_the_reference_data() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Gevinstspor API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/administrations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/committees"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/proposals/{reference}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/proposals/{reference}/actuals/{year}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/proposals/{reference}/evaluation"))
                .body("components.schemas.ProposalRequest.properties.reference.examples[0]", equalTo("BUF-2026-03"));
    }

    @Test
    void swagger_ui_is_served() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger"));
    }

    @Test
    void the_database_diagnostic_runs_one_query_for_a_signed_in_user_only() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/diagnostics/database")
                .then().statusCode(200).body("result", equalTo(1));
        given().when().get("/api/diagnostics/database").then().statusCode(401);
    }
}
