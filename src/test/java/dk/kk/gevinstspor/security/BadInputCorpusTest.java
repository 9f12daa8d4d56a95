package dk.kk.gevinstspor.security;

import static dk.kk.gevinstspor.proposal.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.gevinstspor.proposal.Bodies;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, listed with the request and the expected answer in
 * {@code cases.tsv}): each file gets its precise 4xx problem+json with the expected codes, never a 500, naming no Java
 * class, and no row of any table changes (a checksum of every table before and after).
 */
@QuarkusTest
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");
    /** Files too big to commit ({@code generated/…} in cases.tsv), written by {@link #generate()}. */
    static final Path GENERATED = Path.of("target", "bad-input");
    /** The proposal the corpus writes to (plan 2026-2029, no loan, no transfers flag). */
    static final String REFERENCE = "BUF-T-BADINPUT";

    @Inject
    AgroalDataSource dataSource;

    /** The cross-cutting proposal led by KFF in which BUF takes part. */
    static final String CROSS_CUTTING = "KFF-T-CROSSCUT";
    /** The entry user of BUF that cases.tsv's sixth column names. */
    static final String ENTRY_USER = "corpus.buf";
    static final String ENTRY_PASSWORD = "corpus-password-1";

    /** One line of cases.tsv ({@code user}: null for the admin). */
    record Case(String file, String method, String path, String bodyAs, int status, List<String> codes, String user) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String[] request = f[1].split(" ", 2);
            cases.add(new Case(f[0], request[0], request[1], f[2], f[3].equals("?") ? 0 : Integer.parseInt(f[3]),
                    f[4].equals("-") || f[4].equals("?") ? List.of() : Arrays.asList(f[4].split(",")), f.length > 5 ? f[5] : null));
        }
        return cases.stream();
    }

    /** A 10-MB cell in a CSV file and a 10-MB string in a JSON body. */
    @org.junit.jupiter.api.BeforeAll
    static void generate() throws IOException {
        Path folder = Files.createDirectories(GENERATED.resolve("generated"));
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        Files.writeString(folder.resolve("import-ten-mb-cell.csv"), "reference,year,investment,operationFunding,operatingCost,"
                + "serviceEfficiency,transferEffect,explanation\n" + REFERENCE + ",2029,0,0,0,2000000,0," + tenMegabytes + "\n");
        Files.writeString(folder.resolve("actuals-ten-mb-string.json"), "{\"year\": 2029, \"investment\": 0, \"operationFunding\": 0,"
                + " \"operatingCost\": 0, \"serviceEfficiency\": 2000000, \"transferEffect\": 0, \"explanation\": \"" + tenMegabytes + "\"}");
    }

    /**
     * The corpus's proposals and user: BUF-T-BADINPUT with its 2026 stored (investment 2.500.000 against the plan's
     * 3.000.000, so with an explanation, and KPI K1), and the cross-cutting KFF-T-CROSSCUT (KFF leads, BUF takes part).
     */
    @BeforeEach
    void proposalExists() {
        if (json().get("/api/proposals/{ref}", REFERENCE).statusCode() == 404) {
            json().body(Bodies.investment(REFERENCE)).post("/api/proposals").then().statusCode(201);
            dk.kk.gevinstspor.proposal.Api.putActuals(REFERENCE, 2026, Map.of("year", 2026, "investment", 2_500_000,
                    "operationFunding", 0, "operatingCost", 0, "serviceEfficiency", 0, "transferEffect", 0, "repayment", 0,
                    "kpis", Map.of("K1", 1100), "explanation", "Udbuddet blev billigere")).statusCode(200);
        }
        if (json().get("/api/proposals/{ref}", CROSS_CUTTING).statusCode() == 404) {
            Map<String, Object> body = Bodies.investment(CROSS_CUTTING);
            body.put("administrations", List.of("KFF", "BUF", "SOF"));
            json().body(body).post("/api/proposals").then().statusCode(201);
            json().body(Bodies.map("username", ENTRY_USER, "password", ENTRY_PASSWORD, "roles", List.of("entry"),
                    "administrations", List.of("BUF"))).post("/api/users").then().statusCode(201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_precisely_and_changes_nothing(Case c) throws Exception {
        Path file = (c.file().startsWith("generated/") ? GENERATED : CORPUS).resolve(c.file());
        Map<String, String> before = TableChecksums.of(dataSource);

        RequestSpecification request = c.user() == null ? json() : dk.kk.gevinstspor.proposal.Api.as(c.user(), ENTRY_PASSWORD);
        switch (c.bodyAs()) {
            case "multipart" -> request = request.contentType("multipart/form-data").multiPart("file", file.toFile(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "text/csv" -> request = request.contentType("text/csv").body(Files.readAllBytes(file));
            default -> request = request.contentType(c.bodyAs()).body(Files.readAllBytes(file));
        }
        Response response = request.request(c.method(), c.path());

        String body = response.asString();
        assertThat(response.statusCode()).as("%s: %s", c.file(), body).isBetween(400, 499);
        assertThat(response.contentType()).as(c.file()).startsWith("application/problem+json");
        assertThat(response.statusCode()).as("%s: %s", c.file(), body).isEqualTo(c.status());
        List<String> codes = response.jsonPath().getList("errors.code");
        List<String> answered = codes == null ? List.<String>of() : codes;
        assertThat(answered).as("%s: %s", c.file(), body).containsAll(c.codes().stream().filter(x -> !x.startsWith("!")).toList());
        c.codes().stream().filter(x -> x.startsWith("!")).forEach(absent ->
                assertThat(answered).as("%s: %s", c.file(), body).doesNotContain(absent.substring(1)));
        assertThat(TableChecksums.of(dataSource)).as("every table unchanged after " + c.file()).isEqualTo(before);
        NoJavaNamesTest.assertNoJavaNames(c.file(), body);
    }
}
