package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.createdIn2027WithFigures;
import static dk.kk.gevinstspor.proposal.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /api/proposals} with the parameters added for the search (docs/api-notes.md): {@code q} (every word in the
 * reference or the title, any case, part of a word), {@code adoptionYear} and {@code evaluationStatus}, next to the old
 * filters; wrong values are 400 naming the parameter.
 */
@QuarkusTest
class ProposalSearchApiTest {

    static final String TOKEN = Bodies.word();
    static String first;
    static String second;

    @BeforeEach
    void twoProposalsOnce() {
        if (first != null) {
            return;
        }
        first = Bodies.reference("SUF");
        Map<String, Object> p1 = Bodies.investment(first);
        p1.put("title", TOKEN + " Velfærdsteknologi på plejehjem");
        created(p1);
        second = Bodies.reference("BIF");
        Map<String, Object> p2 = Bodies.investment(second);
        p2.put("title", TOKEN + " Jobcenterets digitale selvbetjening");
        createdIn2027WithFigures(p2);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);
    }

    @Test
    void q_finds_a_reference_in_any_case_and_in_part() {
        json().queryParam("q", second.toLowerCase().substring(0, second.length() - 1)).get("/api/proposals").then().statusCode(200)
                .header("X-Total-Count", "1").body("reference", contains(second));
    }

    @Test
    void q_needs_every_word_of_the_title_in_any_case_danish_letters_included() {
        json().queryParam("q", TOKEN.toLowerCase()).get("/api/proposals").then().statusCode(200)
                .header("X-Total-Count", "2").body("reference", containsInAnyOrder(first, second));
        json().queryParam("q", TOKEN + " VELFÆRDS PLEJE").get("/api/proposals").then().statusCode(200)
                .header("X-Total-Count", "1").body("reference", contains(first)).body("title", contains(TOKEN + " Velfærdsteknologi på plejehjem"));
        json().queryParam("q", TOKEN + " velfærd jobcenter").get("/api/proposals").then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void q_goes_with_the_old_filters_and_the_added_adoption_year_and_evaluation_status() {
        json().queryParam("q", TOKEN).queryParam("administration", "BIF").get("/api/proposals").then()
                .header("X-Total-Count", "1").body("reference", contains(second));
        json().queryParam("q", TOKEN).queryParam("committee", "SUU").get("/api/proposals").then()
                .header("X-Total-Count", "1").body("reference", contains(first));
        json().queryParam("q", TOKEN).queryParam("adoptionYear", "2027").get("/api/proposals").then()
                .header("X-Total-Count", "1").body("reference", contains(second));
        json().queryParam("q", TOKEN).queryParam("evaluationStatus", "GREEN").get("/api/proposals").then()
                .header("X-Total-Count", "1").body("reference", contains(second));
        json().queryParam("evaluationStatus", "GREEN").queryParam("size", "1000").get("/api/proposals").then()
                .body("reference", hasItem(second)).body("reference", not(hasItem(first)));
    }

    @Test
    void wrong_values_are_400_naming_the_parameter() {
        json().queryParam("q", "x".repeat(101)).get("/api/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("q")).body("errors[0].code", equalTo("INVALID_PARAMETER"));
        json().queryParam("adoptionYear", "tyve").get("/api/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("adoptionYear"));
        json().queryParam("evaluationStatus", "GRØN").get("/api/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("evaluationStatus"));
    }
}
