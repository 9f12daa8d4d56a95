package dk.kk.gevinstspor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.gevinstspor.common.database.ReportingRole;
import dk.kk.gevinstspor.demo.DemoData;
import dk.kk.gevinstspor.snapshot.SnapshotService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every SQL of the PostgreSQL dashboards runs as Grafana would run it: on the demo portfolio (loaded with its
 * snapshots in this test's transaction, which is rolled back, so the shared test database stays as it was), as the
 * role {@code gevinstspor_reporting}, with Grafana's macros expanded and the variables set from their own queries —
 * for every value of each single-value variable, "All" for the others. Each must succeed, return the columns its
 * panel uses, and return rows for at least one value; what the rows show is checked by {@link ShownValues} (codes
 * shown in Danish, no duplicate table rows, realisation as the domain computes it).
 */
@QuarkusTest
class DashboardQueriesTest {

    private static final GrafanaSql GRAFANA = new GrafanaSql(Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2030-03-01T00:00:00Z"));

    @Inject
    DemoData demo;

    @Inject
    SnapshotService snapshots;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestTransaction
    void every_sql_target_runs_as_the_reporting_role_on_the_demo_portfolio_and_returns_its_panels_columns() throws SQLException {
        demo.load();
        snapshots.rebuildInCurrentTransaction();
        int checked = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE " + ReportingRole.ROLE);
            for (Dashboards.Dashboard d : Dashboards.all()) {
                if (!"grafana-postgresql-datasource".equals(d.pluginId())) {
                    continue;
                }
                Map<String, List<String>> options = options(d, s);
                for (JsonNode panel : d.panels()) {
                    for (JsonNode target : panel.path("targets")) {
                        String where = d.file() + " / " + panel.path("title").asText() + " / " + target.path("refId").asText();
                        String sql = target.path("rawSql").asText();
                        assertThat(sql).as(where).isNotBlank();
                        boolean anyRows = false;
                        for (Map<String, GrafanaSql.Variable> values : selections(d, options, sql)) {
                            try (ResultSet rs = s.executeQuery(GRAFANA.expand(sql, values))) {
                                assertColumns(where, panel, target, rs.getMetaData());
                                anyRows |= ShownValues.check(where, panel, rs);
                            } catch (SQLException e) {
                                throw new AssertionError(where + " fails with " + values + ": " + e.getMessage(), e);
                            }
                        }
                        assertThat(anyRows).as(where + ": rows on the demo portfolio").isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    /** Each variable's values as Grafana lists them: a query variable's first column, a custom variable's values. */
    private static Map<String, List<String>> options(Dashboards.Dashboard d, Statement s) throws SQLException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (JsonNode v : d.variables()) {
            List<String> values = new ArrayList<>();
            switch (v.path("type").asText()) {
                case "query" -> {
                    Map<String, GrafanaSql.Variable> earlier = new HashMap<>();
                    options.forEach((name, list) -> earlier.put(name, new GrafanaSql.Variable(list, true)));
                    try (ResultSet rs = s.executeQuery(GRAFANA.expand(v.path("query").asText(), earlier))) {
                        while (rs.next()) {
                            values.add(rs.getString(1));
                        }
                    }
                    assertThat(values).as(d.file() + " variable " + v.path("name") + " on the demo portfolio").isNotEmpty();
                }
                case "custom" -> {
                    for (String option : v.path("query").asText().split(",")) {
                        String[] parts = option.split(" : ");
                        values.add(parts[parts.length - 1].trim());
                    }
                }
                case "datasource" -> {
                    continue;
                }
                default -> throw new AssertionError(d.file() + ": variable type " + v.path("type") + " is not checked by the tests");
            }
            options.put(v.path("name").asText(), values);
        }
        return options;
    }

    /** Every value of each single-value variable the SQL uses (one at a time), all values of multi-value ones. */
    private static List<Map<String, GrafanaSql.Variable>> selections(Dashboards.Dashboard d, Map<String, List<String>> options, String sql) {
        Map<String, GrafanaSql.Variable> base = new HashMap<>();
        List<String> single = new ArrayList<>();
        for (JsonNode v : d.variables()) {
            String name = v.path("name").asText();
            if (!options.containsKey(name)) {
                continue;
            }
            boolean multi = v.path("multi").asBoolean() || v.path("includeAll").asBoolean();
            base.put(name, new GrafanaSql.Variable(multi ? options.get(name) : List.of(options.get(name).get(0)), multi));
            if (!multi && (sql.contains("$" + name) || sql.contains("${" + name))) {
                single.add(name);
            }
        }
        List<Map<String, GrafanaSql.Variable>> selections = new ArrayList<>(List.of(base));
        for (String name : single) {
            List<Map<String, GrafanaSql.Variable>> next = new ArrayList<>();
            for (Map<String, GrafanaSql.Variable> selection : selections) {
                for (String value : options.get(name)) {
                    Map<String, GrafanaSql.Variable> copy = new HashMap<>(selection);
                    copy.put(name, new GrafanaSql.Variable(List.of(value), false));
                    next.add(copy);
                }
            }
            selections = next;
        }
        return selections;
    }

    /** The columns the panel reads: time and numbers for a time series, its x field, every column an override names. */
    private static void assertColumns(String where, JsonNode panel, JsonNode target, ResultSetMetaData meta) throws SQLException {
        Set<String> columns = new HashSet<>();
        boolean numeric = false;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
            numeric |= Set.of(Types.NUMERIC, Types.BIGINT, Types.INTEGER, Types.DOUBLE, Types.DECIMAL).contains(meta.getColumnType(i));
        }
        assertThat(numeric).as(where + ": a numeric column").isTrue();
        if ("time_series".equals(target.path("format").asText()) || "timeseries".equals(panel.path("type").asText())) {
            assertThat(columns).as(where + ": time column").contains("time");
            assertThat(meta.getColumnType(meta.getColumnCount() > 0 ? columnIndex(meta, "time") : 1)).as(where + ": time is a date")
                    .isIn(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        String xField = panel.path("options").path("xField").asText();
        if (!xField.isEmpty()) {
            assertThat(columns).as(where + ": x field").contains(xField);
        }
        for (JsonNode o : panel.path("fieldConfig").path("overrides")) {
            if ("byName".equals(o.path("matcher").path("id").asText())) {
                assertThat(columns).as(where + ": override of a column").contains(o.path("matcher").path("options").asText());
            }
        }
    }

    private static int columnIndex(ResultSetMetaData meta, String label) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(label)) {
                return i;
            }
        }
        return 1;
    }
}
