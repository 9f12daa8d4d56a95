package dk.kk.gevinstspor.proposal;

import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static dk.kk.gevinstspor.proposal.Api.putActuals;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every change to a proposal and its actuals is in its history: time, user, what, old → new. */
@QuarkusTest
class HistoryApiTest {

    @Test
    void history_shows_who_changed_what_when_with_the_old_and_the_new_value() {
        String ref = Bodies.reference("BUF");
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        created(Bodies.investment(ref));
        Map<String, Object> changed = Bodies.investment(ref);
        changed.put("title", "Digital pladsanvisning 2.0");
        changed.put("version", 0);
        json().body(changed).put("/api/proposals/{ref}", ref).then().statusCode(200);

        json().body(Bodies.map("username", "hist.buf", "password", "history-password", "roles", List.of("entry"),
                "administrations", List.of("BUF"))).post("/api/users");
        putActuals(ref, 2026, Bodies.actuals(2026, 2_900_000, 0, 0, 0, 0)).statusCode(200);
        Map<String, Object> corrected = Bodies.actuals(2026, 2_950_000, 0, 0, 0, 0);
        corrected.put("version", 0);
        as("hist.buf", "history-password").body(corrected).put("/api/proposals/{ref}/actuals/2026", ref).then().statusCode(200);

        JsonPath history = json().get("/api/proposals/{ref}/history", ref).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = history.getList("$");

        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "proposal").containsEntry("field", "(oprettet)")
                .containsEntry("user", "admin"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "proposal").containsEntry("field", "title")
                .containsEntry("old", "Digital pladsanvisning").containsEntry("new", "Digital pladsanvisning 2.0")
                .containsEntry("user", "admin"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "actuals").containsEntry("item", "2026")
                .containsEntry("field", "investment").containsEntry("old", "2900000").containsEntry("new", "2950000")
                .containsEntry("user", "hist.buf"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("entity", "plan").containsEntry("item", "version 1")
                .containsEntry("field", "(oprettet)"));
        for (Map<String, Object> row : rows) {
            Instant at = Instant.parse((String) row.get("at"));
            assertThat(at).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        }
        List<String> fieldsOfTitleChange = rows.stream().filter(r -> "proposal".equals(r.get("entity")))
                .map(r -> (String) r.get("field")).toList();
        assertThat(fieldsOfTitleChange).containsExactly("(oprettet)", "title");
    }
}
