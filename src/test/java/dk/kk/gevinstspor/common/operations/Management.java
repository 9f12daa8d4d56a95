package dk.kk.gevinstspor.common.operations;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface of the service under test (health and metrics, {@code quarkus.management.*}:
 * port 9000 in production, a free port in tests), which the application port no longer serves.
 */
public final class Management {

    private Management() {
    }

    /** The management interface's base URL, e.g. {@code http://localhost:41234}. */
    public static URI url() {
        return URI.create(TestHTTPResourceManager.getManagementUri());
    }

    /** A request to the management interface, without credentials. */
    public static RequestSpecification given() {
        URI url = url();
        return RestAssured.given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort()).basePath("");
    }

    /** The Prometheus scrape in the classic text format, as {@code promtool} reads it (Prometheus may negotiate OpenMetrics). */
    public static String scrape() {
        return given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
