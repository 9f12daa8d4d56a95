package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.json;

import java.util.List;

import dk.kk.gevinstspor.proposal.Bodies;

/** Users of each role for security tests, created once per test JVM through POST /api/users. */
final class TestUsers {

    static final String PASSWORD = "test-password-123";
    static final String ENTRY_BUF = "entry.buf";
    static final String ENTRY_SOF = "entry.sof";
    static final String VIEWER = "viewer.itkreds";

    private static boolean created;

    private TestUsers() {
    }

    static synchronized void ensure() {
        if (created) {
            return;
        }
        create(ENTRY_BUF, List.of("entry"), List.of("BUF"));
        create(ENTRY_SOF, List.of("entry"), List.of("SOF"));
        create(VIEWER, List.of("viewer"), List.of());
        created = true;
    }

    private static void create(String username, List<String> roles, List<String> administrations) {
        int status = json().body(Bodies.map("username", username, "password", PASSWORD, "roles", roles,
                "administrations", administrations)).post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create test user " + username + ": " + status);
        }
    }
}
