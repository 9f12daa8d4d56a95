package dk.kk.gevinstspor.overview;

import java.util.List;

/**
 * One entry of a proposal's history as the proposal page shows it, in Danish: when ({@code 30.11.2026 14:05},
 * Copenhagen time), who, what ("Ændringsbeslutning: Beløbsmæssig afvigelse (nr. 17)"), what happened to it
 * (oprettet, ændret, slettet) and each field by its label with its values the Danish way.
 */
public record HistoryEntry(String when, String user, String what, String action, List<Field> fields) {

    /**
     * A field: its label, the value before and after ({@code "1.000.000"} → {@code "1.250.000,50"}); on a creation only
     * the new value (old is null), on a removal only the old one (new is null).
     */
    public record Field(String label, String old, String newValue) {
    }
}
