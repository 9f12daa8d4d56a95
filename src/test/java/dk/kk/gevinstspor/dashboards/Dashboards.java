package dk.kk.gevinstspor.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The dashboard files of {@code dashboards/} as Grafana reads them: JSON, panels (also inside rows), targets. */
final class Dashboards {

    static final Path FOLDER = Path.of("dashboards");
    /** The file names the Kubernetes manifests make ConfigMaps of. */
    static final List<String> FILES = List.of("portefolje.json", "it-kredsen.json", "laan-og-rammer.json", "drift.json");
    static final String VARIABLE = "${datasource}";
    /**
     * Prefixes of the metrics the Drift dashboard reads from the cluster's exporters, not from the service's /q/metrics:
     * kube-state-metrics ({@code kube_}) and the kubelet's cAdvisor ({@code container_}).
     */
    static final List<String> CLUSTER_METRIC_PREFIXES = List.of("kube_", "container_");

    /** A dashboard file and its JSON. */
    record Dashboard(String file, JsonNode json) {

        String pluginId() {
            return datasourceVariable().path("query").asText();
        }

        JsonNode datasourceVariable() {
            return variables().stream().filter(v -> "datasource".equals(v.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " has no variable named datasource"));
        }

        List<JsonNode> variables() {
            return list(json.path("templating").path("list"));
        }

        /** Every panel, those inside collapsed rows too (rows themselves are not panels that show data). */
        List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            for (JsonNode p : json.path("panels")) {
                if ("row".equals(p.path("type").asText())) {
                    p.path("panels").forEach(panels::add);
                } else {
                    panels.add(p);
                }
            }
            return panels;
        }
    }

    private Dashboards() {
    }

    static List<Dashboard> all() {
        ObjectMapper json = new ObjectMapper();
        return FILES.stream().map(name -> {
            try {
                return new Dashboard(name, json.readTree(FOLDER.resolve(name).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("dashboards/" + name + " is not valid JSON: " + e.getMessage(), e);
            }
        }).toList();
    }

    static List<String> jsonFilesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    /** Whether a metric comes from the cluster's exporters (kube-state-metrics, cAdvisor), not from the service. */
    static boolean fromClusterExporters(String metric) {
        return CLUSTER_METRIC_PREFIXES.stream().anyMatch(metric::startsWith);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
