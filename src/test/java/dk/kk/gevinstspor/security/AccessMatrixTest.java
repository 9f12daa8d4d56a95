package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.anonymous;
import static dk.kk.gevinstspor.proposal.Api.as;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.gevinstspor.proposal.Api;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what: each role × each endpoint × a proposal of the user's own or another administration →
 * the expected status. A changed cell fails this test. The proposals are BUF's; entry.buf is BUF's,
 * entry.sof is SOF's.
 */
@QuarkusTest
class AccessMatrixTest {

    @BeforeEach
    void users() {
        TestUsers.ensure();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
        admin     | create proposal           | 201
        entry.buf | create proposal           | 403
        entry.sof | create proposal           | 403
        viewer    | create proposal           | 403
        anonymous | create proposal           | 401
        admin     | change proposal           | 200
        entry.buf | change proposal           | 403
        entry.sof | change proposal           | 403
        viewer    | change proposal           | 403
        anonymous | change proposal           | 401
        admin     | enter actuals             | 200
        entry.buf | enter actuals             | 200
        entry.sof | enter actuals             | 403
        viewer    | enter actuals             | 403
        anonymous | enter actuals             | 401
        admin     | create user               | 201
        entry.buf | create user               | 403
        viewer    | create user               | 403
        anonymous | create user               | 401
        admin     | list users                | 200
        entry.buf | list users                | 403
        viewer    | list users                | 403
        admin     | read proposal             | 200
        entry.buf | read proposal             | 200
        entry.sof | read proposal             | 200
        viewer    | read proposal             | 200
        anonymous | read proposal             | 401
        viewer    | list proposals            | 200
        anonymous | list proposals            | 401
        viewer    | read actuals              | 200
        anonymous | read actuals              | 401
        viewer    | read evaluation           | 200
        anonymous | read evaluation           | 401
        viewer    | read history              | 200
        anonymous | read history              | 401
        viewer    | read reference data       | 200
        anonymous | read reference data       | 401
        """)
    void each_role_may_do_what_the_matrix_says(String who, String action, int expected) {
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        RequestSpecification request = switch (who) {
            case "admin" -> json();
            case "anonymous" -> anonymous();
            case "viewer" -> as(TestUsers.VIEWER, TestUsers.PASSWORD);
            default -> as(who, TestUsers.PASSWORD);
        };
        int status = switch (action) {
            case "create proposal" -> request.body(Bodies.investment(Bodies.reference("BUF"))).post("/api/proposals").statusCode();
            case "change proposal" -> {
                Map<String, Object> changed = Bodies.investment(ref);
                changed.put("title", "Ændret titel");
                changed.put("version", 0);
                yield request.body(changed).put("/api/proposals/{ref}", ref).statusCode();
            }
            case "enter actuals" -> request.body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0))
                    .put("/api/proposals/{ref}/actuals/2026", ref).statusCode();
            case "create user" -> request.body(Bodies.map("username", "u" + java.util.UUID.randomUUID().toString().substring(0, 8),
                    "password", "long-enough-password", "roles", List.of("viewer"))).post("/api/users").statusCode();
            case "list users" -> request.get("/api/users").statusCode();
            case "read proposal" -> request.get("/api/proposals/{ref}", ref).statusCode();
            case "list proposals" -> request.get("/api/proposals").statusCode();
            case "read actuals" -> request.get("/api/proposals/{ref}/actuals", ref).statusCode();
            case "read evaluation" -> request.get("/api/proposals/{ref}/evaluation?year=2027", ref).statusCode();
            case "read history" -> request.get("/api/proposals/{ref}/history", ref).statusCode();
            case "read reference data" -> request.get("/api/administrations").statusCode();
            default -> throw new IllegalArgumentException(action);
        };
        org.assertj.core.api.Assertions.assertThat(status).as(who + " " + action).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void a_forbidden_write_is_a_problem_and_changes_nothing() {
        TestUsers.ensure();
        String ref = Bodies.reference("BUF");
        created(Bodies.investment(ref));
        as(TestUsers.ENTRY_SOF, TestUsers.PASSWORD).body(Bodies.actuals(2026, 3_000_000, 0, 0, 0, 0))
                .put("/api/proposals/{ref}/actuals/2026", ref).then().statusCode(403)
                .contentType("application/problem+json").body("status", Api.num(403));
        json().get("/api/proposals/{ref}/actuals", ref).then().body("$", org.hamcrest.Matchers.empty());
    }
}
