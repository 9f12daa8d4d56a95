package dk.kk.gevinstspor.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReferenceDataTest {

    @Test
    void the_seven_administrations_answer_to_their_committees_in_the_customary_order() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/administrations")
                .then().statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(7))
                .body("code", contains("ØKF", "BUF", "KFF", "SOF", "SUF", "TMF", "BIF"))
                .body("committee", contains("ØU", "BUU", "KFU", "SOU", "SUU", "TMU", "BIU"))
                .body("sector", contains(false, true, true, true, true, true, true))
                .body("find { it.code == 'BUF' }.name", org.hamcrest.Matchers.equalTo("Børne- og Ungdomsforvaltningen"))
                .body("find { it.code == 'SUF' }.name", org.hamcrest.Matchers.equalTo("Sundheds- og Omsorgsforvaltningen"));
    }

    @Test
    void the_seven_committees_have_their_danish_names() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/committees")
                .then().statusCode(200)
                .body("code", contains("ØU", "BUU", "KFU", "SOU", "SUU", "TMU", "BIU"))
                .body("name", contains("Økonomiudvalget", "Børne- og Ungdomsudvalget", "Kultur- og Fritidsudvalget",
                        "Socialudvalget", "Sundheds- og Omsorgsudvalget", "Teknik- og Miljøudvalget",
                        "Beskæftigelses- og Integrationsudvalget"));
    }

    @Test
    void an_unknown_api_path_is_a_problem_json_404() {
        dk.kk.gevinstspor.proposal.Api.json().when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(404));
    }
}
