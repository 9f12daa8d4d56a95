package dk.kk.gevinstspor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.domain.Realisation;

/**
 * What a dashboard panel shows of its query's rows, as a reader sees it: no code (GREEN, BEHIND, INVESTMENT, an
 * administration's ØKF …) without a Danish value mapping with a colour in the panel; a table's rows distinct by their
 * text columns (one row per thing it names); a realisation next to its planned and actual sums equal to the domain's
 * ({@link Realisation#ratio}).
 */
final class ShownValues {

    /** A value that is a code: capitals and underscores only. */
    private static final Pattern CODE = Pattern.compile("[A-ZÆØÅ][A-ZÆØÅ_]+");
    private static final String PLANNED = "Planlagt gevinst (akk.)";
    private static final String ACTUAL = "Realiseret gevinst (akk.)";
    private static final String REALISATION = "Realiseringsgrad";

    private ShownValues() {
    }

    /** Checks every row of the result; true when there was one. */
    static boolean check(String where, JsonNode panel, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        boolean table = "table".equals(panel.path("type").asText());
        Set<List<String>> keys = new HashSet<>();
        boolean any = false;
        while (rs.next()) {
            any = true;
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= labels.size(); i++) {
                if (rs.getObject(i) instanceof String text) {
                    key.add(text);
                    if (CODE.matcher(text).matches()) {
                        assertMapped(where, panel, labels.get(i - 1), text);
                    }
                }
            }
            if (table && !key.isEmpty()) {
                assertThat(keys.add(key)).as(where + ": a second row for " + key).isTrue();
            }
            if (labels.containsAll(List.of(PLANNED, ACTUAL, REALISATION))) {
                Optional<BigDecimal> expected = Realisation.ratio(Amount.of(rs.getBigDecimal(ACTUAL)), Amount.of(rs.getBigDecimal(PLANNED)))
                        .map(Ratio::shown);
                BigDecimal shown = rs.getBigDecimal(REALISATION);
                assertThat(Optional.ofNullable(shown).map(BigDecimal::stripTrailingZeros))
                        .as(where + ": realisation of " + key).isEqualTo(expected.map(BigDecimal::stripTrailingZeros));
            }
        }
        return any;
    }

    /** The panel maps the code of the column to Danish words and a colour (an override of the column, or its defaults). */
    private static void assertMapped(String where, JsonNode panel, String column, String code) {
        List<JsonNode> mappings = new ArrayList<>();
        panel.path("fieldConfig").path("defaults").path("mappings").forEach(mappings::add);
        for (JsonNode o : panel.path("fieldConfig").path("overrides")) {
            if ("byName".equals(o.path("matcher").path("id").asText()) && column.equals(o.path("matcher").path("options").asText())) {
                for (JsonNode property : o.path("properties")) {
                    if ("mappings".equals(property.path("id").asText())) {
                        property.path("value").forEach(mappings::add);
                    }
                }
            }
        }
        JsonNode option = mappings.stream().map(m -> m.path("options").path(code)).filter(n -> !n.isMissingNode()).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": column " + column + " shows the code " + code + " without a value mapping"));
        assertThat(option.path("text").asText()).as(where + ": " + code + " in Danish").isNotBlank().isNotEqualTo(code);
        assertThat(option.path("color").asText()).as(where + ": colour of " + code).isNotBlank();
    }
}
