package dk.kk.gevinstspor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The dashboards as files, as Grafana loads them: each parses, has a unique stable uid and a "Gevinstspor / …" title,
 * every panel a title, description and unit, every panel and target the data-source variable (never a data source of
 * its own); the provisioning files give the data sources the variables default to.
 */
class DashboardFilesTest {

    /** Grafana's unit ids the dashboards use (a misspelt unit shows raw numbers). */
    static final Set<String> UNITS = Set.of("currencyDKK", "percentunit", "short", "none", "reqps", "s", "bytes", "string",
            "dateTimeFromNow");
    static final Map<String, String> PROVISIONED = Map.of("grafana-postgresql-datasource", "gevinstspor-postgresql",
            "prometheus", "gevinstspor-prometheus");

    @Test
    void the_folder_holds_exactly_the_four_dashboards_and_each_parses() throws IOException {
        assertThat(Dashboards.jsonFilesInFolder()).containsExactlyInAnyOrderElementsOf(Dashboards.FILES);
        assertThat(Dashboards.all()).hasSize(4).allSatisfy(d -> assertThat(d.json().isObject()).isTrue());
    }

    @Test
    void uids_are_unique_stable_slugs_and_titles_say_gevinstspor() {
        Set<String> uids = new HashSet<>();
        for (Dashboards.Dashboard d : Dashboards.all()) {
            String uid = d.json().path("uid").asText();
            assertThat(uid).as(d.file()).matches("gevinstspor-[a-z0-9-]+").hasSizeLessThanOrEqualTo(40)
                    .isEqualTo("gevinstspor-" + d.file().replace(".json", ""));
            assertThat(uids.add(uid)).as("unique uid " + uid).isTrue();
            assertThat(d.json().path("title").asText()).as(d.file()).startsWith("Gevinstspor / ").hasSizeGreaterThan(14);
            assertThat(d.json().path("description").asText()).as(d.file()).isNotBlank();
            assertThat(d.json().path("id").isMissingNode() || d.json().path("id").isNull()).as(d.file() + ": no database id").isTrue();
        }
    }

    @Test
    void every_panel_has_a_title_description_unit_and_unique_id() {
        for (Dashboards.Dashboard d : Dashboards.all()) {
            Set<Integer> ids = new HashSet<>();
            assertThat(d.panels()).as(d.file()).isNotEmpty();
            for (JsonNode p : d.panels()) {
                String where = d.file() + " panel " + p.path("id") + " " + p.path("title");
                assertThat(ids.add(p.path("id").asInt())).as(where + ": unique id").isTrue();
                assertThat(p.path("title").asText()).as(where).isNotBlank();
                assertThat(p.path("description").asText()).as(where).isNotBlank();
                assertThat(p.path("fieldConfig").path("defaults").path("unit").asText()).as(where + ": unit").isIn(UNITS);
                for (JsonNode o : p.path("fieldConfig").path("overrides")) {
                    for (JsonNode property : o.path("properties")) {
                        if ("unit".equals(property.path("id").asText())) {
                            assertThat(property.path("value").asText()).as(where + ": override unit").isIn(UNITS);
                        }
                    }
                }
                assertThat(p.path("gridPos").path("w").asInt()).as(where + ": width").isBetween(1, 24);
                assertThat(p.path("targets")).as(where + ": targets").isNotEmpty();
            }
        }
    }

    @Test
    void every_panel_and_target_uses_the_data_source_variable() {
        for (Dashboards.Dashboard d : Dashboards.all()) {
            JsonNode variable = d.datasourceVariable();
            assertThat(variable.path("type").asText()).as(d.file()).isEqualTo("datasource");
            String plugin = d.pluginId();
            assertThat(PROVISIONED).as(d.file() + ": data source plugin").containsKey(plugin);
            assertThat(variable.path("current").path("value").asText()).as(d.file() + ": default data source")
                    .isEqualTo(PROVISIONED.get(plugin));
            for (JsonNode p : d.panels()) {
                assertDatasource(d.file() + " panel " + p.path("title"), p.path("datasource"), plugin);
                p.path("targets").forEach(t -> assertDatasource(d.file() + " " + p.path("title") + " " + t.path("refId"),
                        t.path("datasource"), plugin));
            }
            d.variables().stream().filter(v -> "query".equals(v.path("type").asText()))
                    .forEach(v -> assertDatasource(d.file() + " variable " + v.path("name"), v.path("datasource"), plugin));
        }
    }

    @Test
    void the_provisioning_files_give_the_data_sources_with_fixed_uids_and_a_file_provider() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode sources = yaml.readTree(Dashboards.FOLDER.resolve("provisioning/datasources/gevinstspor.yaml").toFile());
        assertThat(sources.path("apiVersion").asInt()).isEqualTo(1);
        List<JsonNode> list = Dashboards.list(sources.path("datasources"));
        assertThat(list).extracting(s -> s.path("type").asText() + "=" + s.path("uid").asText())
                .containsExactlyInAnyOrder("grafana-postgresql-datasource=gevinstspor-postgresql", "prometheus=gevinstspor-prometheus");
        JsonNode postgres = list.stream().filter(s -> s.path("uid").asText().equals("gevinstspor-postgresql")).findFirst().orElseThrow();
        assertThat(postgres.path("user").asText()).isEqualTo("gevinstspor_reporting");
        assertThat(postgres.path("jsonData").path("database").asText()).isNotBlank();
        assertThat(postgres.path("secureJsonData").path("password").asText()).startsWith("${");
        list.forEach(s -> assertThat(s.path("url").asText()).as(s.path("name").asText()).isNotBlank());

        JsonNode providers = yaml.readTree(Dashboards.FOLDER.resolve("provisioning/dashboards/gevinstspor.yaml").toFile());
        assertThat(providers.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(Dashboards.list(providers.path("providers"))).singleElement().satisfies(p -> {
            assertThat(p.path("type").asText()).isEqualTo("file");
            assertThat(p.path("options").path("path").asText()).startsWith("/");
            assertThat(p.path("folder").asText()).isEqualTo("Gevinstspor");
        });
    }

    /** Drift shows one namespace's service: every query names the namespace and the job or the pods (no cluster-wide sums). */
    @Test
    void every_drift_query_is_limited_to_the_chosen_namespace_and_job_or_pods() {
        Dashboards.Dashboard drift = Dashboards.all().stream().filter(d -> d.file().equals("drift.json")).findFirst().orElseThrow();
        assertThat(drift.variables()).extracting(v -> v.path("name").asText()).contains("namespace", "job", "pod");
        StringBuilder all = new StringBuilder();
        for (JsonNode p : drift.panels()) {
            for (JsonNode t : p.path("targets")) {
                String expr = t.path("expr").asText();
                all.append(expr).append('\n');
                for (String selector : selectors(expr)) {
                    assertThat(selector).as(p.path("title").asText() + ": " + expr).contains("namespace=\"$namespace\"")
                            .containsAnyOf("job=\"$job\"", "pod=~\"$pod\"", "horizontalpodautoscaler=\"$job\"");
                }
            }
        }
        assertThat(all.toString()).contains("container_memory_working_set_bytes", "kube_pod_container_resource_limits",
                "kube_pod_container_status_restarts_total", "kube_horizontalpodautoscaler_status_current_replicas", "jvm_gc_pause_seconds",
                "gevinstspor_snapshots_waiting", "gevinstspor_snapshots_oldest_mark_age_seconds",
                "gevinstspor_snapshots_last_success_timestamp_seconds", "gevinstspor_snapshots_failed");
        assertThat(Dashboards.list(drift.json().path("links"))).anySatisfy(l -> assertThat(l.path("title").asText()).contains("CloudNativePG"));
    }

    /** The SQL dashboards: a committee variable every administration filter follows, and how fresh the numbers are. */
    @Test
    void the_sql_dashboards_filter_by_committee_and_show_when_the_numbers_were_computed() {
        for (Dashboards.Dashboard d : Dashboards.all()) {
            if (!"grafana-postgresql-datasource".equals(d.pluginId())) {
                continue;
            }
            JsonNode udvalg = d.variables().stream().filter(v -> "udvalg".equals(v.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(d.file() + " has no committee variable udvalg"));
            assertThat(udvalg.path("multi").asBoolean()).isTrue();
            boolean fresh = false;
            for (JsonNode p : d.panels()) {
                for (JsonNode t : p.path("targets")) {
                    String sql = t.path("rawSql").asText();
                    if (sql.contains("${forvaltning")) {
                        assertThat(sql).as(d.file() + " " + p.path("title") + ": the committee too").contains("${udvalg:sqlstring}");
                    }
                    fresh |= sql.contains("max(computed_at)");
                }
            }
            assertThat(fresh).as(d.file() + ": a panel with the time of the newest computation").isTrue();
        }
    }

    /** Amounts are in the proposals' own price levels (docs/reporting.md): every money panel says so. */
    @Test
    void every_money_panel_names_its_price_level_and_every_stat_has_meaningful_colours() {
        for (Dashboards.Dashboard d : Dashboards.all()) {
            for (JsonNode p : d.panels()) {
                String where = d.file() + " " + p.path("title").asText();
                boolean money = "currencyDKK".equals(p.path("fieldConfig").path("defaults").path("unit").asText());
                for (JsonNode o : p.path("fieldConfig").path("overrides")) {
                    for (JsonNode property : o.path("properties")) {
                        money |= "unit".equals(property.path("id").asText()) && "currencyDKK".equals(property.path("value").asText());
                    }
                }
                if (money) {
                    assertThat(p.path("description").asText()).as(where + ": price level").containsIgnoringCase("prisniveau");
                }
                if ("stat".equals(p.path("type").asText())) {
                    JsonNode defaults = p.path("fieldConfig").path("defaults");
                    String mode = defaults.path("color").path("mode").asText();
                    assertThat(mode).as(where + ": colour mode").isIn("fixed", "thresholds");
                    if ("thresholds".equals(mode)) {
                        assertThat(defaults.path("thresholds").path("steps").size()).as(where + ": thresholds").isGreaterThanOrEqualTo(2);
                        assertThat(p.path("description").asText()).as(where + ": what the colours mean").containsAnyOf("Grøn", "grøn");
                    }
                }
            }
        }
    }

    /** The label selectors ({...}) of a PromQL expression. */
    private static List<String> selectors(String expr) {
        List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\{[^}]*}").matcher(expr);
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as(expr + ": metrics with selectors").isNotEmpty();
        return found;
    }

    private static void assertDatasource(String where, JsonNode datasource, String plugin) {
        assertThat(datasource.path("uid").asText()).as(where + ": data source").isEqualTo(Dashboards.VARIABLE);
        assertThat(datasource.path("type").asText()).as(where + ": data source type").isEqualTo(plugin);
    }
}
