package dk.kk.gevinstspor.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StartPageTest {

    @Test
    void the_start_page_says_in_danish_what_the_service_is_and_links_to_the_api_documentation() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"da\">"))
                .body(containsString("Opfølgning på investerings- og innovationsforslag"))
                .body(containsString("majbidragene"))
                .body(containsString("href=\"/q/swagger-ui\""))
                .body(containsString("href=\"/css/print.css\" media=\"print\""));
    }

    @Test
    void the_print_stylesheet_sets_a4_landscape_and_repeats_table_headers() {
        given().when().get("/css/print.css")
                .then().statusCode(200)
                .body(containsString("size: A4 landscape"))
                .body(containsString("thead { display: table-header-group; }"));
    }
}
