package dk.kk.gevinstspor.actuals.imports;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of an import (API.md): rows read, and how many were created, updated or unchanged; for a dry run (and
 * an import asked with {@code ?changes=true}) also each field that changes with its old and new value, and the rows
 * that change nothing (docs/imports.md).
 */
@Schema(name = "ImportResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(long rows, long created, long updated, long unchanged,
        @Schema(description = "True when nothing was stored (?dryRun=true)") boolean dryRun,
        @Schema(description = "Each field that changes, in the file's row order (at most 1,000; changeCount is the total)") List<Change> changes,
        @Schema(description = "How many fields change in all") Long changeCount,
        @Schema(description = "The rows that change nothing (at most 1,000; unchanged is the total)") List<Row> unchangedRows) {

    /**
     * A field of a proposal's year that the import changes: {@code field} is the file's column (API.md's name,
     * {@code kpi:K1}, {@code milestone:M1}); {@code old} is null for a new row or value.
     */
    @Schema(name = "ImportChange")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String reference, int year, String title, String field, Object old, @JsonProperty("new") Object newValue) {
    }

    /** A proposal's year in the file. */
    @Schema(name = "ImportRow")
    public record Row(String reference, int year, String title) {
    }

    public ImportResult(long rows, long created, long updated, long unchanged, boolean dryRun) {
        this(rows, created, updated, unchanged, dryRun, null, null, null);
    }
}
