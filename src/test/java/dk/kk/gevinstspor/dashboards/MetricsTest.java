package dk.kk.gevinstspor.dashboards;

import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Drift dashboard's metrics exist: after requests, a report, an import and a snapshot rebuild, every metric name
 * of every PromQL target is in {@code /q/metrics}, which Prometheus' own linter accepts ({@code promtool check
 * metrics}; required when CI=true, skipped with one line elsewhere). No business meter carries a proposal reference.
 */
@QuarkusTest
class MetricsTest {

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "inf", "nan");

    String scrape;
    String reference;

    @BeforeEach
    void exercise_the_service() {
        reference = Bodies.reference("ØKF");
        created(Bodies.investment(reference));
        json().get("/api/committees").then().statusCode(200);
        json().get("/api/proposals/{ref}", "NO-SUCH-REFERENCE").then().statusCode(404);
        json().get("/api/reports/loans/2029").then().statusCode(200);
        json().get("/api/reports/it-kreds/2030").then().statusCode(200);
        json().contentType("text/csv").body(("reference;year;investment;operationFunding;operatingCost;serviceEfficiency;transferEffect;"
                + "repayment\n" + reference + ";2026;3.000.000;0;0;0;0;0\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/actuals").then().statusCode(200);
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);
        // the classic text format, as promtool reads it (Prometheus itself may negotiate OpenMetrics)
        scrape = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void every_metric_of_the_drift_dashboard_is_scraped() {
        Set<String> scraped = new LinkedHashSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                scraped.add(line.split("[{ ]", 2)[0]);
            }
        }
        int checked = 0;
        for (Dashboards.Dashboard d : Dashboards.all()) {
            if (!"prometheus".equals(d.pluginId())) {
                continue;
            }
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    Set<String> names = metricNames(target.path("expr").asText());
                    assertThat(names).as(panel.path("title").asText()).isNotEmpty();
                    names.removeIf(Dashboards::fromClusterExporters); // kube-state-metrics and cAdvisor, not /q/metrics
                    assertThat(scraped).as(panel.path("title").asText() + ": " + target.path("expr").asText()).containsAll(names);
                    checked += names.size();
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(scraped).contains("gevinstspor_import_rows_total", "gevinstspor_report_duration_seconds_bucket", "gevinstspor_proposals");
    }

    @Test
    void business_meters_have_low_cardinality_tags_and_no_reference() {
        assertThat(scrape).doesNotContain(reference);
        assertThat(scrape).containsPattern("gevinstspor_import_rows_total\\{outcome=\"created\",?}");
        assertThat(scrape).containsPattern("gevinstspor_report_duration_seconds_count\\{report=\"IT_KREDS\",?}");
        assertThat(scrape).containsPattern("gevinstspor_proposals\\{administration=\"ØKF\",status=\"[A-Z_]+\",?}");
        assertThat(scrape).containsPattern("http_server_requests_seconds_bucket\\{.*le=\"0\\.25\",?}");
    }

    @Test
    void promtool_accepts_the_scrape() throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean installed = Files.isExecutable(Path.of("/usr/bin/promtool")) || onPath("promtool");
        if (!installed) {
            assertThat(ci).as("CI=true needs promtool (.ci/run installs Debian's prometheus package)").isFalse();
            Assumptions.abort("promtool is not installed (apt-get install prometheus): the lint of /q/metrics is skipped");
        }
        Path file = Path.of("target", "metrics-scrape.txt");
        Files.writeString(file, scrape);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // exit 1: the scrape does not parse; exit 3: lint findings. Findings on the meters of Agroal, Netty and
        // Micrometer's binders (names we do not choose) are tolerated; none may concern a gevinstspor_ meter.
        assertThat(promtool.exitValue()).as("promtool check metrics:\n" + output).isIn(0, 3);
        assertThat(output.lines().filter(l -> l.startsWith("gevinstspor_"))).as("promtool check metrics:\n" + output).isEmpty();
        assertThat(output).as("promtool check metrics").doesNotContain("error while linting");
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
        while (m.find()) {
            String rest = s.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
