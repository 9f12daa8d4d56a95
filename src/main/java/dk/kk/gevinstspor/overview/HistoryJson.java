package dk.kk.gevinstspor.overview;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/**
 * One line of a proposal's history (API.md): when, who, what ({@code entity} and its {@code item}, e.g.
 * actuals 2026), which field, and the value before and after. Creation and removal are one line each, with
 * the field {@code (oprettet)} or {@code (slettet)} and all values in {@code new} or {@code old}.
 */
@Schema(name = "HistoryEntry")
public record HistoryJson(Instant at, String user,
        @Schema(description = "proposal, assessment, target, plan, loan, actuals, decision or approval") String entity,
        @Schema(description = "Which one: the reference, assessment type, target code, plan version, year, or #decision id with its type or approving body") String item,
        String field, String old, @Schema(name = "new") @com.fasterxml.jackson.annotation.JsonProperty("new") String newValue,
        @Schema(description = "The audit revision: changes saved together share it") long revision) {
}
