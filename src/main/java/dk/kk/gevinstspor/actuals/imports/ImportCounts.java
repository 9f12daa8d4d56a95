package dk.kk.gevinstspor.actuals.imports;

/** How many of an import's rows are new, changed, or equal to what is stored ("unchanged": {@link dk.kk.gevinstspor.actuals.ActualField}). */
record ImportCounts(long created, long updated, long unchanged) {

    /** The counts of a merge that touched {@code created + updated} of the {@code rows}: the rest were unchanged. */
    static ImportCounts ofMerge(long rows, long created, long updated) {
        return new ImportCounts(created, updated, rows - created - updated);
    }

    /** The answer; {@code listed} may be null (the changes were not listed). */
    ImportResult result(long rows, boolean dryRun, ImportChanges.Listed listed) {
        return listed == null ? new ImportResult(rows, created, updated, unchanged, dryRun)
                : new ImportResult(rows, created, updated, unchanged, dryRun, listed.changes(), listed.total(), listed.unchangedRows());
    }
}
