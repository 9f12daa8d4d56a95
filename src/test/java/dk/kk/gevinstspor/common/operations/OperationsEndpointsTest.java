package dk.kk.gevinstspor.common.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics (management port), OpenAPI and Swagger UI (application port): what operators and other systems rely on. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void liveness_and_startup_are_up() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_checks_the_database() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void metrics_are_served_for_prometheus() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/committees").then().statusCode(200);
        Management.given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    /** Health and metrics are on the management port only: the application port (the one the ingress routes) has none. */
    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics" })
    void the_application_port_does_not_serve_health_or_metrics(String path) {
        assertThat(Management.url().getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        given().redirects().follow(false).when().get(path).then().statusCode(404);
        Management.given().when().get(path).then().statusCode(200);
    }

    @Test
    void the_management_port_serves_neither_the_api_nor_the_pages() {
        Management.given().redirects().follow(false).when().get("/api/committees").then().statusCode(404);
        Management.given().redirects().follow(false).when().get("/").then().statusCode(404);
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
