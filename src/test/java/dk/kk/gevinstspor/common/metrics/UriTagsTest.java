package dk.kk.gevinstspor.common.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Anonymous requests to paths that match no endpoint must not make new {@code uri} tags of
 * {@code http_server_requests} (issue 19): each would be a new time series, and a few hundred of them fill the
 * metrics' URI-tag limit, after which the real endpoints' series are no longer recorded. Answers of unmatched paths
 * are tagged {@code NOT_FOUND}, {@code REDIRECTION} or, for other 4xx, {@code UNKNOWN}.
 */
@QuarkusTest
class UriTagsTest {

    @Test
    void unmatched_paths_answered_with_4xx_make_no_uri_tags() {
        String marker = "ukendt-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            // 400 before any endpoint matches (a character no path may hold), API and page
            given().urlEncodingEnabled(false).get("/api/" + marker + "-" + i + "%00").then().statusCode(400);
            given().urlEncodingEnabled(false).get("/" + marker + "-" + i + "%01").then().statusCode(400);
            // 403 before any endpoint matches (a write with a session cookie and no CSRF token)
            given().cookie("gevinstspor-session", "x").contentType("text/plain").body("x").post("/api/" + marker + "-" + i)
                    .then().statusCode(403);
            // 404 and redirects were tagged NOT_FOUND and REDIRECTION before
            given().get("/api/" + marker + "-" + i).then().statusCode(404);
        }
        String metrics = dk.kk.gevinstspor.common.operations.Management.scrape();
        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain(marker);
    }
}
