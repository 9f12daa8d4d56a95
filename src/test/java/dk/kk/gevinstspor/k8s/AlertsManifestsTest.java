package dk.kk.gevinstspor.k8s;

import static dk.kk.gevinstspor.k8s.Manifests.custom;
import static dk.kk.gevinstspor.k8s.Manifests.customs;
import static dk.kk.gevinstspor.k8s.Manifests.list;
import static dk.kk.gevinstspor.k8s.Manifests.map;
import static dk.kk.gevinstspor.k8s.Manifests.spec;
import static dk.kk.gevinstspor.k8s.Manifests.SERVICE_OVERLAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The alert rules (k8s/base/prometheus-rule.yaml) as each overlay renders them: every alert has a severity, a Danish
 * summary and description and a runbook in k8s/README.md; every expression is scoped to the overlay's namespace;
 * every service alert has a firing and a silent case in the promtool unit tests, which pass (k8s/alerts/check).
 */
class AlertsManifestsTest {

    private static final String SERVICE_GROUP = "gevinstspor.service";
    /** Words every Danish text here has one of (the published CloudNativePG texts are English). */
    private static final Pattern DANISH = Pattern.compile("[æøå]|\\b(er|har|ikke|og|af|fra|til|på|ingen|en|svarer|kan|den|det|med|efter)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);


    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void everyAlertHasASeverityADanishSummaryAndDescriptionAndARunbookSectionInTheReadme(String overlay) throws IOException {
        Set<String> anchors = readmeAnchors();
        List<Map<String, Object>> alerts = alerts(overlay);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
        Set<String> names = new HashSet<>();
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(names.add(name)).as("unique alert %s", name).isTrue();
            assertThat(map(alert, "labels").get("severity")).as(name).isIn("critical", "warning");
            Map<String, Object> annotations = map(alert, "annotations");
            assertThat((String) annotations.get("summary")).as(name + " summary").isNotBlank().containsPattern(DANISH);
            assertThat((String) annotations.get("description")).as(name + " description").isNotBlank().containsPattern(DANISH);
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as(name + " runbook").matches("https://.+/k8s/README\\.md#" + name.toLowerCase());
            assertThat(anchors).as("k8s/README.md has a section for " + name).contains(name.toLowerCase());
            assertThat(alert.get("for")).as(name + ": a condition that lasts").isNotNull();
        }
        assertThat(names).contains("GevinstsporDown", "GevinstsporHighErrorRate", "GevinstsporSlowResponses",
                "GevinstsporDatabasePoolSaturated", "GevinstsporNoReadyReplica", "GevinstsporSnapshotsLagging",
                "GevinstsporSnapshotsStale", "GevinstsporSnapshotsFailed", "CNPGClusterOffline", "CNPGInstanceMetricsAbsent",
                "CNPGClusterPhysicalReplicationLagWarning", "CNPGClusterLowDiskSpaceWarning", "LastFailedArchiveTime",
                "CNPGBackupFailed", "CNPGLastBackupTooOld");
    }

    /** Dev's rules see dev's namespace, prod's prod's: one Prometheus evaluates both. */
    @ParameterizedTest
    @MethodSource(SERVICE_OVERLAYS)
    void everyExpressionIsScopedToTheOverlaysNamespace(String overlay) {
        String scope = "label_replace(vector(1), \"namespace\", \"" + Manifests.namespace(overlay) + "\", \"\", \"\")";
        for (Map<String, Object> alert : alerts(overlay)) {
            String expr = (String) alert.get("expr");
            assertThat(expr).as((String) alert.get("alert")).startsWith(scope);
            assertThat(expr.substring(scope.length())).as("one scope only").doesNotContain("label_replace(vector(1)")
                    .doesNotContain("namespace=");
        }
    }

    @Test
    void theServiceAlertsReadTheMetricsTheServiceAndKubeStateMetricsExport() {
        String exprs = String.join("\n", alerts("prod").stream().map(a -> (String) a.get("expr")).toList());
        assertThat(exprs).contains("gevinstspor_snapshots_oldest_mark_age_seconds{job=\"gevinstspor\"}",
                "gevinstspor_snapshots_last_success_timestamp_seconds{job=\"gevinstspor\"}", "gevinstspor_snapshots_failed{job=\"gevinstspor\"}",
                "http_server_requests_seconds_bucket{job=\"gevinstspor\"}", "agroal_awaiting_count{job=\"gevinstspor\"}",
                "kube_deployment_status_replicas_available{deployment=\"gevinstspor\"}", "up{job=\"gevinstspor\"}");
    }

    /** Each service alert is tested both ways: it fires when its condition lasts and stays silent otherwise. */
    @Test
    void everyServiceAlertHasAFiringAndASilentUnitTest() throws IOException {
        JsonNode tests = new ObjectMapper(new YAMLFactory()).readTree(Manifests.ROOT.resolve("k8s/alerts/gevinstspor.test.yaml").toFile());
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? silent : firing).add(check.path("alertname").asText());
            }
        }
        List<String> service = new ArrayList<>();
        for (Map<String, Object> group : list(spec(rule("prod")), "groups")) {
            if (SERVICE_GROUP.equals(group.get("name"))) {
                list(group, "rules").forEach(r -> service.add((String) r.get("alert")));
            }
        }
        assertThat(service).hasSizeGreaterThanOrEqualTo(8);
        assertThat(firing).as("alerts with a firing case").containsAll(service);
        assertThat(silent).as("alerts with a silent case").containsAll(service);
    }

    /** promtool check rules on every overlay's rules and promtool test rules on prod's (k8s/alerts/check). */
    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws IOException, InterruptedException {
        if (!Manifests.onPath("promtool")) {
            assertThat(System.getenv("CI")).as("CI=true needs promtool (.ci/run installs Debian's prometheus package)").isNotEqualTo("true");
            Assumptions.abort("promtool is not installed (apt-get install prometheus): k8s/alerts/check is skipped");
        }
        Process check = new ProcessBuilder(Manifests.ROOT.resolve("k8s/alerts/check").toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("k8s/alerts/check:\n" + output).isZero();
        assertThat(output).contains("prod: ", "SUCCESS");
    }

    private static GenericKubernetesResource rule(String overlay) {
        return custom(overlay, "monitoring.coreos.com/v1", "PrometheusRule");
    }

    private static List<Map<String, Object>> alerts(String overlay) {
        assertThat(customs(overlay, "monitoring.coreos.com/v1", "PrometheusRule")).hasSize(1);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : list(spec(rule(overlay)), "groups")) {
            list(group, "rules").stream().filter(r -> r.containsKey("alert")).forEach(alerts::add);
        }
        return alerts;
    }

    /** The anchors of k8s/README.md's headings as GitHub and GitLab make them. */
    private static Set<String> readmeAnchors() throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = Pattern.compile("(?m)^#{1,6}\\s+(.+)$").matcher(Files.readString(Manifests.ROOT.resolve("k8s/README.md")));
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
