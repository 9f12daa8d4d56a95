package dk.kk.gevinstspor.actuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.YearlyActual;

/** "Unchanged" has one definition: every field of a year's actuals (but its year, the row's key) is compared. */
class ActualFieldTest {

    private static final YearlyActual ROW = new YearlyActual(2024, Amount.of(100), Amount.ZERO, Amount.ZERO, Amount.of(5),
            Amount.ZERO, Amount.ZERO, Map.of("K1", new BigDecimal("1.5")), Map.of("M1", 2024), "forklaring");

    @Test
    void every_field_of_a_yearly_actual_but_its_year_is_compared() {
        Set<String> components = Arrays.stream(YearlyActual.class.getRecordComponents()).map(c -> c.getName())
                .filter(name -> !name.equals("year")).collect(Collectors.toSet());
        Set<String> compared = Arrays.stream(ActualField.values()).map(f -> toCamel(f.name())).collect(Collectors.toSet());
        assertEquals(components, compared);
    }

    @Test
    void equal_rows_are_unchanged_and_amounts_compare_by_value() {
        YearlyActual same = new YearlyActual(2024, Amount.of(new BigDecimal("100.0")), Amount.ZERO, Amount.ZERO, Amount.of(5),
                Amount.ZERO, Amount.ZERO, Map.of("K1", new BigDecimal("1.5")), Map.of("M1", 2024), "forklaring");
        assertTrue(ActualField.unchanged(ROW, same));
    }

    @Test
    void a_difference_in_any_field_is_a_change() {
        assertFalse(ActualField.unchanged(ROW, ROW.withRepayment(Amount.of(1))));
        assertFalse(ActualField.unchanged(ROW, ROW.withExplanation(null)));
        assertFalse(ActualField.unchanged(ROW, new YearlyActual(2024, Amount.of(100), Amount.ZERO, Amount.ZERO, Amount.of(5),
                Amount.ZERO, Amount.ZERO, Map.of("K1", new BigDecimal("1.6")), Map.of("M1", 2024), "forklaring")));
        assertFalse(ActualField.unchanged(ROW, new YearlyActual(2024, Amount.of(100), Amount.ZERO, Amount.ZERO, Amount.of(5),
                Amount.ZERO, Amount.ZERO, Map.of("K1", new BigDecimal("1.5")), Map.of(), "forklaring")));
    }

    @Test
    void the_columns_of_actual_are_the_fields_that_are_not_collections() {
        assertEquals("investment, operation_funding, operating_cost, service_efficiency, transfer_effect, repayment, explanation",
                ActualField.columns().stream().map(f -> f.column).collect(Collectors.joining(", ")));
    }

    private static String toCamel(String constant) {
        String[] words = constant.toLowerCase().split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return s.toString();
    }
}
