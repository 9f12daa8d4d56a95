package dk.kk.gevinstspor.actuals.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * are read a batch at a time into a bounded cache ({@link ProposalFacts}); duplicates are found in a set of longs.
 */
final class ImportCheck {

    /** A row that names a proposal and a year, with the proposal's id: what the write step stages. */
    record CheckedRow(RowParser.Parsed row, long proposalId) {
    }

    private final ProposalFacts facts;
    private final Access access;
    private final EvaluationSettings settings;
    private final int currentYear;
    private final ImportErrors errors;
    private final LongSet seen = new LongSet();

    ImportCheck(ProposalFacts facts, Access access, EvaluationSettings settings, int currentYear, ImportErrors errors) {
        this.facts = facts;
        this.access = access;
        this.settings = settings;
        this.currentYear = currentYear;
        this.errors = errors;
    }

    /** Checks a batch (its errors go to the import's errors); returns its rows that have a proposal and a year. */
    List<CheckedRow> check(List<RowParser.Parsed> batch) {
        facts.load(batch.stream().map(RowParser.Parsed::reference).filter(Objects::nonNull).toList());
        List<CheckedRow> checked = new ArrayList<>(batch.size());
        for (RowParser.Parsed row : batch) {
            if (row.reference() == null) {
                continue;
            }
            ProposalFacts.Fact fact = facts.get(row.reference());
            if (fact == null) {
                errors.add(row.row(), Column.REFERENCE.apiName, "UNKNOWN_REFERENCE", "Intet forslag har referencen " + row.reference());
                continue;
            }
            String lead = fact.proposal().leadAdministration();
            if (!access.mayWriteActuals(lead)) {
                errors.add(row.row(), Column.REFERENCE.apiName, "NOT_ALLOWED", Access.actualsRefusal(row.reference(), lead));
            }
            if (row.year() != null && row.amounts().size() == 6) {
                checkFigures(row, fact.proposal());
            }
            if (row.year() != null) {
                if (!seen.add(fact.id() * 4096 + (row.year() - 1900))) {
                    errors.add(row.row(), Column.YEAR.apiName, "DUPLICATE_ROW", row.reference() + " " + row.year() + " står også tidligere i filen");
                }
                checked.add(new CheckedRow(row, fact.id()));
            }
        }
        return checked;
    }

    /** The domain's rules for a row whose cells could all be read. */
    private void checkFigures(RowParser.Parsed row, Proposal proposal) {
        ActualInput input = new ActualInput(row.year(), row.amounts().get(Column.INVESTMENT), row.amounts().get(Column.OPERATION_FUNDING),
                row.amounts().get(Column.OPERATING_COST), row.amounts().get(Column.SERVICE_EFFICIENCY),
                row.amounts().get(Column.TRANSFER_EFFECT), row.amounts().get(Column.REPAYMENT), row.kpis(), row.milestones(),
                row.explanation());
        List<ValidationError> invalid = ActualsValidator.validate(input, proposal, currentYear);
        for (ValidationError e : invalid) {
            errors.add(row.row(), columnOf(e.field()), e.code(), e.message());
        }
        if (invalid.isEmpty()) {
            YearlyActual actual = input.toYearlyActual();
            if (ExplanationRule.isMissing(proposal, actual, settings.tolerance())) {
                String fields = String.join(", ", ExplanationRule.deviatingFields(proposal, actual, settings.tolerance()));
                errors.add(row.row(), Column.EXPLANATION.apiName, ActualsService.EXPLANATION_REQUIRED,
                        ActualsService.explanationRequired(settings.tolerance(), fields));
            }
        }
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
