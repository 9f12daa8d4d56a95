package dk.kk.gevinstspor.actuals.web;

import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.common.web.Browser.submit;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.num;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * The upload page without JavaScript: its errors name the row's proposal (reference and title), the check shows
 * each change old → new the Danish way and the rows that change nothing, and the confirmation lists what was saved.
 */
@QuarkusTest
class UploadPageTest {

    static final String PASSWORD = "upload-password-1";
    static final String HEADER = "Reference;Titel;År;Implementeringsomkostninger (investering);Midlertidig driftsfinansiering fra puljen;"
            + "Varige driftsudgifter;Effektivisering på service;Effekt på overførsler;Afdrag på lån;Forklaring;"
            + "KPI K1: Sagsbehandlingstimer sparet (timer);Milepæl M1: opnået år";

    private static Response upload(CookieFilter cookies, String token, String csv) {
        return given().filter(cookies).multiPart("file", "tal.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .multiPart("csrf-token", token).post("/indberetning/upload");
    }

    @Test
    void the_check_shows_old_and_new_values_and_the_confirmation_what_was_saved() {
        String user = "upload.tmf." + Bodies.reference("X").substring(4).toLowerCase();
        json().body(Bodies.map("username", user, "password", PASSWORD, "roles", List.of("entry"), "administrations", List.of("KFF")))
                .post("/api/users").then().statusCode(201);
        String ref = Bodies.reference("KFF");
        created(Bodies.investment(ref));
        String same = Bodies.reference("KFF");
        created(Bodies.investment(same));
        putActuals(ref, 2027, Map.of("year", 2027, "investment", 1_000_000, "operationFunding", 0, "operatingCost", 0,
                "serviceEfficiency", 500_000, "transferEffect", 0, "repayment", 0, "kpis", Map.of("K1", 1100))).statusCode(200);
        putActuals(same, 2026, Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0)).statusCode(200);
        CookieFilter cookies = Browser.login(user, PASSWORD);
        Document form = page(cookies, "/indberetning/upload", 200);
        String token = form.selectFirst("input[name=csrf-token]").val();
        assertThat(form.select("form.upload progress")).as("the progress element for the script").hasSize(1);
        assertThat(form.select("script[src='/js/upload.js']")).hasSize(1);

        Response refused = upload(cookies, token, HEADER + "\n" + ref + ";x;2027;tre;;;;;;;;\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.asString()).select("table.errors tbody tr").first().text())
                .contains("2").contains(ref + " Digital pladsanvisning").contains("Ikke et beløb");
        assertThat(Jsoup.parse(refused.asString()).select("table.errors tbody tr a").eachAttr("href")).containsExactly("/forslag/" + ref);

        String csv = HEADER + "\n" + ref + ";Digital pladsanvisning;2027;1.040.000,50;;;;;;;;\n"
                + same + ";Digital pladsanvisning;2026;3.000.000;0;0;0;0;0;;;\n";
        Response checked = upload(cookies, token, csv);
        assertThat(checked.statusCode()).isEqualTo(200);
        Document check = Jsoup.parse(checked.asString());
        assertThat(check.select("table.changes tbody tr")).hasSize(1);
        assertThat(check.selectFirst("table.changes tbody tr").text()).isEqualTo(ref + " Digital pladsanvisning 2027 "
                + "Implementeringsomkostninger (investering) 1.000.000,00 1.040.000,50");
        assertThat(check.selectFirst("details.unchanged").text()).contains("1 rækker ændrer intet").contains(same);
        assertThat(check.select("table.changes tbody tr a").eachAttr("href")).containsExactly("/forslag/" + ref);
        assertThat(check.select("details.unchanged a").eachAttr("href")).containsExactly("/forslag/" + same);

        Response confirmed = submit(cookies, check, "form[action=/indberetning/upload/bekraeft]", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        Document saved = Jsoup.parse(confirmed.asString());
        assertThat(saved.selectFirst(".saved").text()).contains("1 ændrede");
        assertThat(saved.selectFirst("table.changes caption").text()).isEqualTo("Det er gemt");
        assertThat(saved.selectFirst("table.changes tbody tr").text()).contains("1.000.000,00 1.040.000,50");
        assertThat(saved.select("table.changes tbody tr a").eachAttr("href")).containsExactly("/forslag/" + ref);
        json().get("/api/proposals/{ref}/actuals", ref).then().body("[0].investment", num("1040000.5")).body("[0].kpis.K1", num(1100))
                .body("[0].serviceEfficiency", num(500_000));

        // the same file again: nothing changes, and the page says so
        Document again = Jsoup.parse(upload(cookies, token, csv).asString());
        assertThat(again.text()).contains("Ingen tal ændres.");
        assertThat(again.selectFirst("details.unchanged").text()).contains("2 rækker ændrer intet").contains(ref).contains(same);
    }
}
