package dk.kk.gevinstspor.actuals.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/** The entry pages as a browser without JavaScript sees them: read with jsoup, forms posted as a browser would. */
@QuarkusTest
class EntryPagesTest {

    static final String PASSWORD = "pages-password-1";
    static boolean usersCreated;

    @BeforeEach
    void users() {
        if (!usersCreated) {
            for (var user : List.of(List.of("pages.buf", "entry", "BUF"), List.of("pages.sof", "entry", "SOF"), List.of("pages.viewer", "viewer", ""))) {
                json().body(Bodies.map("username", user.get(0), "password", PASSWORD, "roles", List.of(user.get(1)),
                        "administrations", user.get(2).isEmpty() ? List.of() : List.of(user.get(2)))).post("/api/users");
            }
            usersCreated = true;
        }
    }

    static CookieFilter login(String username) {
        return Browser.login(username, PASSWORD);
    }

    @Test
    void the_list_shows_the_proposals_of_the_users_administrations_with_their_state() {
        String own = Bodies.reference("BUF");
        created(Bodies.investment(own));
        String other = Bodies.reference("SOF");
        created(Bodies.investment(other));
        putActuals(own, 2029, Bodies.actuals(2029, 0, 0, 0, 2_000_000, 0)).statusCode(200);

        Document list = page(login("pages.buf"), "/indberetning", 200);
        assertThat(list.selectFirst("h1").text()).isEqualTo("Indberetning 2029");
        Element row = list.select("tbody tr").stream().filter(tr -> tr.text().contains(own)).findFirst().orElseThrow();
        assertThat(row.text()).contains("Indtastet");
        // the reference links to the proposal page, the last column to the form
        assertThat(row.selectFirst("td a").attr("href")).isEqualTo("/forslag/" + own + "?aar=2029");
        assertThat(row.select("a[href=/indberetning/" + own + "/2029]").text()).isEqualTo("Ret tallene for " + own);
        assertThat(list.text()).doesNotContain(other);
        assertThat(list.selectFirst(".counts").text()).contains("mangler").contains("indtastet");

        Document sof = page(login("pages.sof"), "/indberetning?aar=2029", 200);
        assertThat(sof.select("tbody tr").stream().filter(tr -> tr.text().contains(other)).findFirst().orElseThrow().text())
                .contains("Mangler");
    }

    @Test
    void a_valid_form_saves_the_danish_amounts() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("pages.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);
        assertThat(form.select("label[for=investment]").text()).contains("Implementeringsomkostninger");
        assertThat(form.selectFirst("#investment-plan").text()).isEqualTo("1.000.000");
        assertThat(form.select("#transferEffect")).isEmpty();
        assertThat(form.select("a:contains(Se forslaget)").attr("href")).isEqualTo("/forslag/" + ref + "?aar=2027");

        Response saved = submit(cookies, form, "form.entry", Map.of("investment", "1.000.000", "serviceEfficiency", "500.000,50",
                "kpi.K1", "1.100,5", "milestone.M1", "2027"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("/indberetning?aar=2027&gemt=");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(1_000_000))
                .body("[0].serviceEfficiency", num("500000.5")).body("[0].kpis.K1", num("1100.5")).body("[0].milestones.M1", num(2027));
        assertThat(page(cookies, saved.header("Location").replaceFirst("^https?://[^/]+", ""), 200).selectFirst(".saved").text())
                .contains(ref);
    }

    @Test
    void each_kind_of_bad_input_shows_its_danish_message_beside_the_field_and_stores_nothing() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("pages.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);

        Response notANumber = submit(cookies, form, "form.entry", Map.of("investment", "en million", "kpi.K1", "mange", "milestone.M1", "snart"));
        assertThat(notANumber.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(notANumber.asString());
        assertThat(shown.selectFirst("#investment-error").text()).isEqualTo("Skriv et beløb i kroner, fx 1.234.567,50");
        assertThat(shown.selectFirst("#investment").attr("aria-invalid")).isEqualTo("true");
        assertThat(shown.selectFirst("#investment").val()).isEqualTo("en million");
        assertThat(shown.selectFirst("#milestone\\.M1-error").text()).contains("Skriv det år");
        assertThat(shown.selectFirst("#kpi\\.K1-error").text()).isEqualTo("Skriv et tal, fx 1.200 eller 12,5");
        assertThat(shown.selectFirst("#kpi\\.K1").val()).isEqualTo("mange");

        Response deviation = submit(cookies, form, "form.entry", Map.of("investment", "2.000.000"));
        assertThat(deviation.statusCode()).isEqualTo(422);
        Document explained = Jsoup.parse(deviation.asString());
        assertThat(explained.selectFirst("#explanation-error").text()).contains("Skriv en forklaring");
        assertThat(explained.selectFirst("#investment-error").text()).contains("Afviger mere end 5 % fra planen");

        Response negative = submit(cookies, form, "form.entry", Map.of("operatingCost", "-5"));
        assertThat(Jsoup.parse(negative.asString()).selectFirst("#operatingCost-error").text()).isEqualTo("Beløbet må ikke være negativt");

        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void a_stale_form_is_refused_and_the_newer_figures_stay() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        putActuals(ref, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        CookieFilter cookies = login("pages.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2026", 200);
        assertThat(form.selectFirst("input[name=version]").val()).isEqualTo("0");

        Map<String, Object> meanwhile = Bodies.actuals(2026, 3_100_000, 0, 0, 0, 0);
        meanwhile.put("version", 0);
        putActuals(ref, 2026, meanwhile).statusCode(200);

        Response stale = submit(cookies, form, "form.entry", Map.of("investment", "2.950.000"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.asString()).selectFirst("#form-message").text()).contains("siden du åbnede formularen");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(3_100_000));
    }

    @Test
    void a_form_without_the_csrf_token_is_refused() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("pages.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2026", 200);
        Response forged = submit(cookies, form, "form.entry", Map.of("csrf-token", "forged", "investment", "3.000.000"));
        assertThat(forged.statusCode()).isEqualTo(400);
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void only_the_lead_administration_enters_the_figures_of_a_cross_cutting_proposal() {
        String ref = Bodies.reference("SOF");
        Map<String, Object> body = Bodies.investment(ref);
        body.put("administrations", List.of("SOF", "BUF", "KFF"));
        created(body);

        Document list = page(login("pages.buf"), "/indberetning?aar=2026", 200);
        assertThat(list.text()).doesNotContain(ref);
        Document forbidden = page(login("pages.buf"), "/indberetning/" + ref + "/2026", 403);
        assertThat(forbidden.text()).contains("Tallene for " + ref + " indberettes af den ledende forvaltning (SOF). "
                + "Du kan læse dem, men ikke ændre dem.");
        given().auth().preemptive().basic("pages.buf", PASSWORD).contentType("application/json")
                .body(Bodies.actuals(2026, 1, 0, 0, 0, 0)).put("/api/proposals/{ref}/actuals/2026", ref)
                .then().statusCode(403).body("detail", containsString("indberettes af den ledende forvaltning (SOF)"));
        Document proposal = page(login("pages.buf"), "/forslag/" + ref, 200);
        assertThat(proposal.select("a[href^=/indberetning/" + ref + "]")).isEmpty();

        assertThat(page(login("pages.sof"), "/indberetning?aar=2026", 200).text()).contains(ref);
        assertThat(page(login("pages.sof"), "/indberetning/" + ref + "/2026", 200).select("form.entry")).hasSize(1);
    }

    @Test
    void the_proposal_page_links_to_the_form_only_for_a_year_it_opens_for() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Document open = page(login("pages.buf"), "/forslag/" + ref + "?aar=2026", 200);
        assertThat(open.select("a[href=/indberetning/" + ref + "/2026]")).hasSize(1);
        Document beforeThePlan = page(login("pages.buf"), "/forslag/" + ref + "?aar=2025", 200);
        assertThat(beforeThePlan.select("a[href^=/indberetning/" + ref + "]")).isEmpty();
        assertThat(beforeThePlan.text()).doesNotContain("indberettes af");
    }

    @Test
    void another_administrations_form_is_a_403_page_and_viewers_and_strangers_are_kept_out() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        Document forbidden = page(login("pages.sof"), "/indberetning/" + ref + "/2026", 403);
        assertThat(forbidden.selectFirst("h1").text()).isEqualTo("Ingen adgang");
        assertThat(forbidden.text()).contains("Tallene for " + ref + " indberettes af den ledende forvaltning (BUF)");

        assertThat(page(login("pages.viewer"), "/indberetning", 403).selectFirst("h1").text()).isEqualTo("Ingen adgang");
        given().redirects().follow(false).get("/indberetning").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void an_explanation_that_cannot_be_stored_is_refused_beside_its_field() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("pages.buf");
        Document form = page(cookies, "/indberetning/" + ref + "/2027", 200);

        Response nul = submit(cookies, form, "form.entry", Map.of("investment", "1.000.000", "explanation", "før\u0000efter"));
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(nul.asString()).selectFirst("#explanation-error").text()).contains("et tegn, der ikke kan gemmes");

        Response tooLong = submit(cookies, form, "form.entry", Map.of("investment", "1.000.000", "explanation", "x".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.asString()).selectFirst("#explanation-error").text())
                .isEqualTo("Forklaringen må højst have 4000 tegn, den har 4001");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void an_upload_is_checked_first_and_stored_only_when_confirmed() {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        CookieFilter cookies = login("pages.buf");
        Document uploadPage = page(cookies, "/indberetning/upload", 200);
        String token = uploadPage.selectFirst("input[name=csrf-token]").val();
        assertThat(uploadPage.select("a[href*=template]")).hasSize(2);

        String bad = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect\n"
                + ref + ";2026;tre;0;0;0;0\n";
        Response refused = given().filter(cookies).multiPart("file", "tal.csv", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)))
                .multiPart("csrf-token", token).post("/indberetning/upload");
        assertThat(refused.statusCode()).isEqualTo(422);
        Document errors = Jsoup.parse(refused.asString());
        assertThat(errors.select("table.errors tbody tr").first().text()).contains("2").contains("investment").contains("Ikke et beløb");

        String good = "reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect\n"
                + ref + ";2026;3.000.000;0;0;0;0\n";
        Response dryRun = given().filter(cookies).multiPart("file", "tal.csv", new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)))
                .multiPart("csrf-token", token).post("/indberetning/upload");
        assertThat(dryRun.statusCode()).isEqualTo(200);
        Document check = Jsoup.parse(dryRun.asString());
        assertThat(check.text()).contains("1 nye").contains("Intet er gemt endnu");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());

        Response confirmed = submit(cookies, check, "form[action=/indberetning/upload/bekraeft]", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(confirmed.asString()).selectFirst(".saved").text()).contains("1 nye");
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num(3_000_000));
    }
}
