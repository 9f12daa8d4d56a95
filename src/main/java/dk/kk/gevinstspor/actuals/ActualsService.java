package dk.kk.gevinstspor.actuals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.common.Text;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.domain.ActualInput;
import dk.kk.gevinstspor.domain.ActualsValidator;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalService;

/** Entering a proposal's actual figures for a year, checked against its plan and targets. */
@ApplicationScoped
public class ActualsService {

    public static final String EXPLANATION_REQUIRED = "EXPLANATION_REQUIRED";

    private final ProposalService proposals;
    private final ActualRepository actuals;
    private final Today today;
    private final EvaluationSettings settings;
    private final Access access;
    private final Event<ProposalChanged> changes;

    public ActualsService(ProposalService proposals, ActualRepository actuals, Today today, EvaluationSettings settings,
            Access access, Event<ProposalChanged> changes) {
        this.access = access;
        this.changes = changes;
        this.proposals = proposals;
        this.actuals = actuals;
        this.today = today;
        this.settings = settings;
    }

    public List<ActualJson> list(String reference) {
        ProposalEntity proposal = proposals.find(reference);
        return actuals.listForProposal(proposal.id).stream().map(ActualMapper::toJson).toList();
    }

    /**
     * Stores the year's figures (insert or update). The same values again change nothing and keep the version;
     * a change of an existing year needs its current version.
     */
    @Transactional
    public ActualJson put(String reference, int year, ActualJson body) {
        ProposalEntity entity = proposals.find(reference);
        access.requireWriteActuals(reference, entity.leadAdministration);
        Proposal proposal = proposals.stored(reference).proposal();
        YearlyActual wanted = validated(proposal, year, body);
        Optional<ActualEntity> existing = actuals.findFor(entity.id, year);
        if (existing.isPresent()) {
            ActualEntity row = existing.get();
            if (ActualField.unchanged(ActualMapper.toDomain(row), wanted)) {
                return ActualMapper.toJson(row);
            }
            if (body.version() == null || body.version() != row.version) {
                throw ApiException.conflict("The actuals of " + reference + " for " + year + " have version " + row.version
                        + "; the change was made from " + (body.version() == null ? "no version" : "version " + body.version())
                        + ". Read them again and repeat the change.");
            }
            ActualMapper.apply(wanted, row);
            actuals.flush();
            changes.fire(ProposalChanged.proposal(entity.id));
            return ActualMapper.toJson(row);
        }
        ActualEntity row = new ActualEntity();
        row.proposalId = entity.id;
        row.year = year;
        ActualMapper.apply(wanted, row);
        actuals.persist(row);
        actuals.flush();
        changes.fire(ProposalChanged.proposal(entity.id));
        return ActualMapper.toJson(row);
    }

    /** The longest explanation stored (the column's size). */
    public static final int MAX_EXPLANATION = 4000;

    public static String explanationTooLong(String explanation) {
        return "Forklaringen må højst have " + MAX_EXPLANATION + " tegn, den har " + explanation.length();
    }

    /** The Danish message for a missing explanation, naming the deviating fields when given. */
    public static String explanationRequired(BigDecimal tolerance, String fields) {
        return "Afviger mere end " + Numbers.plainString(tolerance.movePointRight(2)) + " % fra planen"
                + (fields == null ? "" : " (" + fields + ")") + ": skriv en forklaring";
    }

    /** The row the body describes, or 422 with everything that is wrong with it. */
    private YearlyActual validated(Proposal proposal, int year, ActualJson body) {
        ValidationErrors errors = new ValidationErrors();
        if (body.year() != null && body.year() != year) {
            errors.add("year", "YEAR_MISMATCH", "Året i adressen (" + year + ") og i indholdet (" + body.year() + ") skal være det samme");
        }
        Map<String, BigDecimal> kpis = new TreeMap<>(body.kpis() == null ? Map.of() : body.kpis());
        Map<String, Integer> milestones = new TreeMap<>(body.milestones() == null ? Map.of() : body.milestones());
        String explanation = body.explanation() == null || body.explanation().isBlank() ? null : body.explanation().strip();
        if (!Text.acceptable(explanation)) {
            errors.add("explanation", "INVALID_CHARACTER", Text.INVALID_CHARACTER_MESSAGE);
        } else if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            errors.add("explanation", "TEXT_TOO_LONG", explanationTooLong(explanation));
        }
        kpis.replaceAll((code, value) -> Numbers.plain(value));
        ActualInput input = new ActualInput(year, body.investment(), body.operationFunding(), body.operatingCost(),
                body.serviceEfficiency(), body.transferEffect(), body.repayment(), kpis, milestones, explanation);
        errors.addAll(ActualsValidator.validate(input, proposal, today.year()));
        errors.magnitude("investment", body.investment()).magnitude("operationFunding", body.operationFunding())
                .magnitude("operatingCost", body.operatingCost()).magnitude("serviceEfficiency", body.serviceEfficiency())
                .magnitude("transferEffect", body.transferEffect()).magnitude("repayment", body.repayment());
        kpis.forEach((code, value) -> errors.figure("kpis." + code, value));
        errors.throwIfAny("The actuals are not valid");

        YearlyActual wanted = input.toYearlyActual();
        if (ExplanationRule.isMissing(proposal, wanted, settings.tolerance())) {
            ExplanationRule.deviatingFields(proposal, wanted, settings.tolerance()).forEach(field ->
                    errors.add(field, EXPLANATION_REQUIRED, explanationRequired(settings.tolerance(), null)));
            errors.throwIfAny("An explanation is required: the figures deviate from the plan by more than the tolerance");
        }
        return wanted;
    }

}
