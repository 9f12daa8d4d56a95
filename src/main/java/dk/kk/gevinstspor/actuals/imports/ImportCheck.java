package dk.kk.gevinstspor.actuals.imports;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.domain.ActualInput;
import dk.kk.gevinstspor.domain.ActualsValidator;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ValidationError;
import dk.kk.gevinstspor.domain.YearlyActual;

/**
 * The import's second step, rows to row errors: each row is checked against its proposal by the domain's rules
 * ({@link ActualsValidator}, {@link ExplanationRule}: the same as the form's), plus what only a file can get wrong
 * (an unknown reference, a proposal the user may not write for, the same reference and year twice). The proposals
 * come with each batch, read ahead ({@link ReadAhead}, {@link ProposalFacts}); duplicates are found in a set of longs.
 * A row is judged as it will be stored (DOMAIN.md Edges 11): where a cell is blank, the stored value (read for the
 * batch's rows that need it with one query, {@link StoredRows}), or 0 for a new row's amount. A row without any
 * figure (a template row left untouched) writes nothing: it is neither judged nor refused for its proposal.
 */
final class ImportCheck {

    /** A row that names a proposal and a year, with the proposal's id: what the write step stages. */
    record CheckedRow(RowParser.Parsed row, long proposalId) {
    }

    private final Access access;
    private final EvaluationSettings settings;
    private final int currentYear;
    private final ImportErrors errors;
    private final LongSet seen = new LongSet();
    private final StoredRows stored;

    ImportCheck(StoredRows stored, Access access, EvaluationSettings settings, int currentYear, ImportErrors errors) {
        this.stored = stored;
        this.access = access;
        this.settings = settings;
        this.currentYear = currentYear;
        this.errors = errors;
    }

    /**
     * Checks a batch against its proposals ({@code facts}: those of its references that exist, {@link ProposalFacts#load});
     * its errors go to the import's errors. Returns its rows that have a proposal and a year.
     */
    List<CheckedRow> check(List<RowParser.Parsed> batch, Map<String, ProposalFacts.Fact> facts) throws SQLException {
        List<CheckedRow> checked = new ArrayList<>(batch.size());
        List<CheckedRow> blanks = new ArrayList<>();
        for (RowParser.Parsed row : batch) {
            if (row.reference() == null) {
                continue;
            }
            ProposalFacts.Fact fact = facts.get(row.reference());
            if (fact == null) {
                errors.add(row, Column.REFERENCE.apiName, "UNKNOWN_REFERENCE", "Intet forslag har referencen " + row.reference());
                continue;
            }
            String lead = fact.proposal().leadAdministration();
            if (!row.blank() && !access.mayWriteActuals(lead)) {
                errors.add(row, Column.REFERENCE.apiName, "NOT_ALLOWED", Access.actualsRefusal(row.reference(), lead));
            }
            if (row.year() != null) {
                CheckedRow c = new CheckedRow(row, fact.id());
                if (row.amountsRead() && !row.blank() && !checkFigures(row, fact.proposal(), null, true)) {
                    blanks.add(c);
                }
                if (!seen.add(StoredRows.key(fact.id(), row.year()))) {
                    errors.add(row, Column.YEAR.apiName, "DUPLICATE_ROW", row.reference() + " " + row.year() + " står også tidligere i filen");
                }
                checked.add(c);
            }
        }
        checkWithStored(blanks, facts);
        return checked;
    }

    /** The rows whose blank cells the judgement needs: filled with what is stored (one query), then judged. */
    private void checkWithStored(List<CheckedRow> blanks, Map<String, ProposalFacts.Fact> facts) throws SQLException {
        if (blanks.isEmpty()) {
            return;
        }
        Map<Long, StoredRows.Stored> rows = stored.load(blanks.stream().map(CheckedRow::proposalId).toList(),
                blanks.stream().map(c -> c.row().year()).toList());
        for (CheckedRow c : blanks) {
            checkFigures(c.row(), facts.get(c.row().reference()).proposal(), rows.get(StoredRows.key(c.proposalId(), c.row().year())),
                    false);
        }
    }

    /**
     * The domain's rules for a row whose cells could all be read, as it will be stored: its blank cells filled from
     * {@code stored} (null: a new row, blank amounts are 0). With {@code deferrable}, a row whose judgement depends
     * on its blank cells is not judged: returns false (then it is judged with what is stored).
     */
    private boolean checkFigures(RowParser.Parsed row, Proposal proposal, StoredRows.Stored stored, boolean deferrable) {
        if (deferrable && row.blankAmount()) {
            return false;
        }
        Map<Column, BigDecimal> amounts = new EnumMap<>(Column.class);
        for (Column c : Column.AMOUNTS) {
            BigDecimal given = row.amounts().get(c);
            amounts.put(c, given != null ? given : stored != null ? stored.amounts().get(c) : BigDecimal.ZERO);
        }
        String explanation = row.explanation() != null || stored == null ? row.explanation() : stored.explanation();
        ActualInput input = new ActualInput(row.year(), amounts.get(Column.INVESTMENT), amounts.get(Column.OPERATION_FUNDING),
                amounts.get(Column.OPERATING_COST), amounts.get(Column.SERVICE_EFFICIENCY), amounts.get(Column.TRANSFER_EFFECT),
                amounts.get(Column.REPAYMENT), row.kpis(), row.milestones(), explanation);
        List<ValidationError> invalid = ActualsValidator.validate(input, proposal, currentYear);
        if (invalid.isEmpty()) {
            YearlyActual actual = input.toYearlyActual();
            if (ExplanationRule.isMissing(proposal, actual, settings.tolerance())) {
                if (deferrable && row.explanation() == null) {
                    return false; // a stored explanation may be the row's
                }
                String fields = String.join(", ", ExplanationRule.deviatingFields(proposal, actual, settings.tolerance()));
                errors.add(row, Column.EXPLANATION.apiName, ActualsService.EXPLANATION_REQUIRED,
                        ActualsService.explanationRequired(settings.tolerance(), fields));
            }
        }
        for (ValidationError e : invalid) {
            errors.add(row, columnOf(e.field()), e.code(), e.message());
        }
        return true;
    }

    /** The file's column for a field of the domain's validation errors. */
    private static String columnOf(String field) {
        if (field.startsWith("kpis.")) {
            return Column.KPI_PREFIX + field.substring(5);
        }
        if (field.startsWith("milestones.")) {
            return Column.MILESTONE_PREFIX + field.substring(11);
        }
        return field;
    }
}
