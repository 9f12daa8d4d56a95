package dk.kk.gevinstspor.actuals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.common.Text;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.domain.ActualInput;
import dk.kk.gevinstspor.domain.ActualsValidator;
import dk.kk.gevinstspor.domain.ActualsYears;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ExplanationRule;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.portfolio.Stored;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalService;

/** Entering a proposal's actual figures for a year, checked against its plan and targets. */
@ApplicationScoped
public class ActualsService {

    public static final String EXPLANATION_REQUIRED = "EXPLANATION_REQUIRED";

    @Inject
    ProposalService proposals;
    @Inject
    ActualRepository actuals;
    @Inject
    Today today;
    @Inject
    EvaluationSettings settings;
    @Inject
    Access access;
    @Inject
    Event<ProposalChanged> changes;

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
        ActualInput input = input(year, body);
        errors(proposal, input, body, Set.of()).throwIfAny("The actuals are not valid");
        return input.toYearlyActual();
    }

    /** The body as the domain reads it: KPIs plain, a blank explanation none. */
    private static ActualInput input(int year, ActualJson body) {
        Map<String, BigDecimal> kpis = new TreeMap<>(body.kpis() == null ? Map.of() : body.kpis());
        kpis.replaceAll((code, value) -> Numbers.plain(value));
        Map<String, Integer> milestones = new TreeMap<>(body.milestones() == null ? Map.of() : body.milestones());
        String explanation = body.explanation() == null || body.explanation().isBlank() ? null : body.explanation().strip();
        return new ActualInput(year, body.investment(), body.operationFunding(), body.operatingCost(),
                body.serviceEfficiency(), body.transferEffect(), body.repayment(), kpis, milestones, explanation);
    }

    /**
     * Everything that is wrong with the body, at once: the year, the text, the domain's rules ({@link ActualsValidator})
     * and the explanation the figures need ({@link ExplanationRule}). The explanation is judged with every amount that
     * has an error of its own, or is named in {@code unread} (typed, but not a number), taken at its plan, so that it
     * asks for an explanation only for figures that can be stored.
     */
    private ValidationErrors errors(Proposal proposal, ActualInput input, ActualJson body, Set<String> unread) {
        ValidationErrors errors = new ValidationErrors();
        int year = input.year();
        if (body.year() != null && body.year() != year) {
            errors.add("year", "YEAR_MISMATCH", "Året i adressen (" + year + ") og i indholdet (" + body.year() + ") skal være det samme");
        }
        String explanation = input.explanation();
        if (!Text.acceptable(explanation)) {
            errors.add("explanation", "INVALID_CHARACTER", Text.INVALID_CHARACTER_MESSAGE);
        } else if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            errors.add("explanation", "TEXT_TOO_LONG", explanationTooLong(explanation));
        }
        errors.addAll(ActualsValidator.validate(input, proposal, today.year()));
        errors.magnitude("investment", body.investment()).magnitude("operationFunding", body.operationFunding())
                .magnitude("operatingCost", body.operatingCost()).magnitude("serviceEfficiency", body.serviceEfficiency())
                .magnitude("transferEffect", body.transferEffect()).magnitude("repayment", body.repayment());
        input.kpis().forEach((code, value) -> errors.figure("kpis." + code, value));
        if (!ActualsYears.inRange(proposal, year, today.year())) {
            return errors;
        }
        Set<String> judgedAtPlan = new HashSet<>(unread);
        errors.list().forEach(e -> judgedAtPlan.add(e.field()));
        PlanYear plan = proposal.plan().forYear(year);
        ActualInput judged = new ActualInput(year,
                judged("investment", input.investment(), plan.investment(), judgedAtPlan),
                judged("operationFunding", input.operationFunding(), plan.operationFunding(), judgedAtPlan),
                judged("operatingCost", input.operatingCost(), plan.operatingCost(), judgedAtPlan),
                judged("serviceEfficiency", input.serviceEfficiency(), plan.serviceEfficiency(), judgedAtPlan),
                judged("transferEffect", input.transferEffect(), plan.transferEffect(), judgedAtPlan),
                null, Map.of(), Map.of(), explanation);
        YearlyActual row = judged.toYearlyActual();
        if (ExplanationRule.isMissing(proposal, row, settings.tolerance())) {
            ExplanationRule.deviatingFields(proposal, row, settings.tolerance()).forEach(field ->
                    errors.add(field, EXPLANATION_REQUIRED, explanationRequired(settings.tolerance(), null)));
        }
        return errors;
    }

    private static BigDecimal judged(String field, BigDecimal value, Amount planned, Set<String> atPlan) {
        return atPlan.contains(field) ? planned.value() : value;
    }

    /** The figures form of a proposal and year: the proposal, the years the form opens for, the stored row and its version. */
    public record FormData(Proposal proposal, List<Integer> years, Optional<YearlyActual> stored, Long version) {

        /** True when the form opens for the year ({@link ActualsYears#forForm}). */
        public boolean opens(int year) {
            return years.contains(year);
        }
    }

    /** What the figures form of the year shows; 404 when no proposal has the reference. */
    @Transactional
    public FormData form(String reference, int year) {
        Stored stored = proposals.stored(reference);
        Long version = actuals.findFor(stored.id(), year).map(row -> row.version).orElse(null);
        return new FormData(stored.proposal(), ActualsYears.forForm(stored.proposal(), stored.actuals(), today.year(),
                settings.tolerance()), stored.actuals().forYear(year), version);
    }

    /**
     * Every error {@link #put} would refuse the body with (empty: it would be stored), for the form that shows them
     * all at once; {@code unread} names the amounts typed but not numbers (sent as null), judged at their plan.
     */
    public List<Problem.Error> check(String reference, int year, ActualJson body, Set<String> unread) {
        Proposal proposal = proposals.stored(reference).proposal();
        return errors(proposal, input(year, body), body, unread).list();
    }
}
