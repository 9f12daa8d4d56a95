package dk.kk.gevinstspor.actuals.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of an import (API.md): rows read, and how many were created, updated or unchanged. */
@Schema(name = "ImportResult")
public record ImportResult(long rows, long created, long updated, long unchanged,
        @Schema(description = "True when nothing was stored (?dryRun=true)") boolean dryRun) {
}
