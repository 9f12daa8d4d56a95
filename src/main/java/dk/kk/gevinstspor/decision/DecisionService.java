package dk.kk.gevinstspor.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.gevinstspor.admin.Administration;
import dk.kk.gevinstspor.admin.AdministrationRepository;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.ApprovalOrder;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.PlanValidator;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyPlan;
import dk.kk.gevinstspor.domain.rules.Rules;
import dk.kk.gevinstspor.proposal.PlanVersionEntity;
import dk.kk.gevinstspor.proposal.ProposalChecks;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.proposal.ProposalJson;

/**
 * Change decisions (seed section 6, docs/decisions.md): recorded pending, approved by the committee, then ØU, then
 * BR (the domain's {@link ApprovalOrder}: in order, never in the future, never before the previous approval), and
 * in effect from the third approval, in the same transaction. The changed proposal is checked
 * with the domain's {@link PlanValidator} and {@link Rules} when the decision is made and again when it takes
 * effect; nothing is computed here that the domain computes.
 */
@ApplicationScoped
public class DecisionService {

    public static final String PROPOSAL_CANCELLED = "PROPOSAL_CANCELLED";
    public static final String PLAN_NOT_ALLOWED = "PLAN_NOT_ALLOWED";
    public static final String SCHEDULE_NOT_ALLOWED = "SCHEDULE_NOT_ALLOWED";
    public static final String PLAN_OR_SCHEDULE_REQUIRED = "PLAN_OR_SCHEDULE_REQUIRED";
    public static final String SCHEDULE_WITHOUT_LOAN = "SCHEDULE_WITHOUT_LOAN";
    public static final String PLAN_PAST_YEAR_CHANGED = "PLAN_PAST_YEAR_CHANGED";
    public static final String LOAN_YEAR_DUPLICATE = ProposalChecks.LOAN_YEAR_DUPLICATE;
    /** 409: a body before this one has not approved yet (DOMAIN.md, Edges 9). */
    public static final String APPROVAL_OUT_OF_ORDER = ApprovalOrder.Reason.OUT_OF_ORDER.code();
    /** 422: the approval's date is after today. */
    public static final String APPROVAL_DATE_IN_FUTURE = ApprovalOrder.Reason.DATE_IN_FUTURE.code();
    /** 422: the approval's date is before the previous body's approval. */
    public static final String APPROVAL_DATE_BEFORE_PREVIOUS = ApprovalOrder.Reason.DATE_BEFORE_PREVIOUS.code();
    /** 422: a corrected approval's date is after the next body's approval. */
    public static final String APPROVAL_DATE_AFTER_NEXT = ApprovalOrder.Reason.DATE_AFTER_NEXT.code();
    /** 409: the decision has taken effect; its approvals are part of what happened and are not rewritten. */
    public static final String DECISION_IN_EFFECT = "DECISION_IN_EFFECT";
    /** The committee code of Økonomiudvalget: a proposal led by an administration under it (ØKF) has ØU as its committee. */
    static final String FINANCE_COMMITTEE_CODE = "ØU";

    private static final TypeReference<List<ProposalJson.PlanLine>> PLAN = new TypeReference<>() {
    };
    private static final TypeReference<List<ProposalJson.Repayment>> SCHEDULE = new TypeReference<>() {
    };

    @Inject
    ProposalService proposals;
    @Inject
    EntityManager em;
    @Inject
    DecisionRepository decisions;
    @Inject
    AdministrationRepository administrations;
    @Inject
    ObjectMapper json;
    @Inject
    Event<ProposalChanged> changes;
    @Inject
    Today today;

    /** Records a pending decision after checking what it would change. */
    @Transactional
    public DecisionJson.Response create(String reference, DecisionJson.Request request) {
        ProposalEntity proposal = proposals.find(reference);
        refuseIfCancelled(proposal);
        ValidationErrors errors = new ValidationErrors();
        if (request.type() == DecisionType.CANCELLATION) {
            if (request.plan() != null) {
                errors.add("plan", PLAN_NOT_ALLOWED, "En annullering har ingen ny plan");
            }
            if (request.schedule() != null) {
                errors.add("schedule", SCHEDULE_NOT_ALLOWED, "En annullering har ingen ny tilbagebetalingsplan");
            }
        } else if (request.type() == DecisionType.AMOUNT_DEVIATION && request.plan() == null && request.schedule() == null) {
            errors.add("plan", PLAN_OR_SCHEDULE_REQUIRED,
                    "En beløbsmæssig afvigelse skal have en ny plan eller en ny tilbagebetalingsplan");
        }
        errors.throwIfAny("The decision is not valid");
        changed(proposal, request.effectiveYear(), request.plan(), request.schedule());

        ChangeDecisionEntity decision = new ChangeDecisionEntity();
        decision.proposal = proposal;
        decision.type = request.type();
        decision.description = request.description();
        decision.effectiveYear = request.effectiveYear();
        decision.plan = write(request.plan());
        decision.schedule = write(request.schedule());
        decision.createdBy = Caller.currentUsername();
        em.persist(decision);
        em.flush();
        return view(decision, List.of(), committeeIsFinanceCommittee(proposal));
    }

    /**
     * Records one body's approval (the same values again change nothing; other values replace them while the decision
     * is pending; once it has taken effect, 409 {@code DECISION_IN_EFFECT}). The bodies
     * approve in order and never in the future ({@link ApprovalOrder}): out of order is 409
     * {@code APPROVAL_OUT_OF_ORDER}, a date after today or before the previous approval (or, corrected, after the
     * next) 422; a refusal records nothing. The third approval makes the decision APPROVED and applies it.
     */
    @Transactional
    public DecisionJson.Response approve(String reference, long id, ApprovalBody body, DecisionJson.ApprovalRequest request) {
        // the decision's row is locked, so that two last approvals recorded at once still see each other
        ChangeDecisionEntity decision = find(reference, id, LockModeType.PESSIMISTIC_WRITE);
        boolean committeeIsFinanceCommittee = committeeIsFinanceCommittee(decision.proposal);
        DecisionApprovalEntity approval = em.find(DecisionApprovalEntity.class, new DecisionApprovalEntity.Key(id, body));
        if (approval != null && approval.approvedOn.equals(request.date())
                && approval.caseReference.equals(request.caseReference())) {
            return view(decision, approvals(decision.id), committeeIsFinanceCommittee);
        }
        if (decision.status == ChangeDecisionEntity.Status.APPROVED) {
            throw new ApiException(new Problem("about:blank", "Conflict", 409,
                    "The decision has taken effect; its approvals can no longer be recorded or changed. Nothing was changed.",
                    List.of(new Problem.Error(null, null, null, DECISION_IN_EFFECT, "Beslutningen er trådt i kraft, så dens"
                            + " godkendelser kan ikke længere registreres eller ændres. Er en dato eller et sagsnummer forkert,"
                            + " registreres en ny beslutning."))));
        }
        refuseUnlessInOrder(approvals(decision.id), body, request.date(), committeeIsFinanceCommittee);
        if (approval == null) {
            approval = new DecisionApprovalEntity();
            approval.id = new DecisionApprovalEntity.Key(id, body);
            approval.approvedOn = request.date();
            approval.caseReference = request.caseReference();
            em.persist(approval);
        } else {
            approval.approvedOn = request.date();
            approval.caseReference = request.caseReference();
        }
        em.flush();
        List<DecisionApprovalEntity> approvals = approvals(decision.id);
        if (decision.status == ChangeDecisionEntity.Status.PENDING && approvals.size() == ApprovalBody.values().length) {
            takeEffect(decision);
            em.flush();
            changes.fire(ProposalChanged.proposal(decision.proposal.id));
        }
        return view(decision, approvals, committeeIsFinanceCommittee);
    }

    /** The domain's {@link ApprovalOrder} on the recorded approvals: 409 out of order, 422 for the date. */
    private void refuseUnlessInOrder(List<DecisionApprovalEntity> recorded, ApprovalBody body, LocalDate date,
            boolean committeeIsFinanceCommittee) {
        Optional<ApprovalOrder.Refusal> refusal = ApprovalOrder.check(
                recorded.stream().map(a -> new ApprovalOrder.Approval(body(a.id.body), a.approvedOn)).toList(),
                new ApprovalOrder.Approval(body(body), date), committeeIsFinanceCommittee, today.date());
        if (refusal.isEmpty()) {
            return;
        }
        ApprovalOrder.Refusal r = refusal.get();
        if (r.reason() == ApprovalOrder.Reason.OUT_OF_ORDER) {
            throw new ApiException(new Problem("about:blank", "Conflict", 409,
                    "The approvals are recorded in the order committee, Finance Committee, City Council; nothing was changed.",
                    List.of(new Problem.Error(null, null, null, r.code(), r.message()))));
        }
        throw ApiException.unprocessable("The approval's date is not valid; nothing was changed.",
                List.of(new Problem.Error("date", null, null, r.code(), r.message())));
    }

    private static ApprovalOrder.Body body(ApprovalBody body) {
        return ApprovalOrder.Body.valueOf(body.name());
    }

    /** ØKF's own proposal: its lead administration answers to ØU, which is then also its committee. */
    private boolean committeeIsFinanceCommittee(ProposalEntity proposal) {
        Administration lead = em.find(Administration.class, proposal.leadAdministration);
        return lead != null && FINANCE_COMMITTEE_CODE.equals(lead.committeeCode);
    }

    public List<DecisionJson.Response> list(String reference) {
        ProposalEntity proposal = proposals.find(reference);
        return views(decisions.ofProposal(proposal.id));
    }

    /** Every decision that awaits approval, of all proposals, oldest first. */
    public List<DecisionJson.Response> pending() {
        return views(decisions.pending());
    }

    private List<DecisionJson.Response> views(List<ChangeDecisionEntity> decisions) {
        Map<Long, List<DecisionApprovalEntity>> approvals = new HashMap<>();
        Set<String> underFinanceCommittee = Set.of();
        if (!decisions.isEmpty()) {
            this.decisions.approvalsOf(decisions.stream().map(d -> d.id).toList()).forEach(a -> approvals.computeIfAbsent(a.id.decisionId, k -> new ArrayList<>()).add(a));
            underFinanceCommittee = administrations.codesOf(FINANCE_COMMITTEE_CODE);
        }
        Set<String> own = underFinanceCommittee;
        return decisions.stream().map(d -> view(d, approvals.getOrDefault(d.id, List.of()),
                own.contains(d.proposal.leadAdministration))).toList();
    }

    public DecisionJson.Response get(String reference, long id) {
        ChangeDecisionEntity decision = find(reference, id);
        return view(decision, approvals(decision.id), committeeIsFinanceCommittee(decision.proposal));
    }

    // ---- effect ----------------------------------------------------------------------------------------

    /** Applies an approved decision: a new plan version, a new schedule, or the cancellation. */
    private void takeEffect(ChangeDecisionEntity decision) {
        ProposalEntity proposal = decision.proposal;
        refuseIfCancelled(proposal);
        List<ProposalJson.PlanLine> plan = read(decision.plan, PLAN);
        List<ProposalJson.Repayment> schedule = read(decision.schedule, SCHEDULE);
        // checked again: another decision may have changed the plan since this one was made
        Proposal changed = changed(proposal, decision.effectiveYear, plan, schedule);
        if (plan != null) {
            PlanVersionEntity version = new PlanVersionEntity();
            version.proposal = proposal;
            version.number = proposal.planVersions.stream().mapToInt(v -> v.number).max().orElse(0) + 1;
            version.effectiveFromYear = decision.effectiveYear;
            version.lines = new ArrayList<>(changed.plan().years().stream().map(PlanVersionEntity.Line::of).toList());
            proposal.planVersions.add(version);
        }
        if (schedule != null) {
            proposal.loan.schedule.clear();
            changed.loan().schedule().forEach((year, amount) -> proposal.loan.schedule.put(year, amount.value()));
        }
        if (decision.type == DecisionType.CANCELLATION) {
            proposal.status = ProposalEntity.Status.CANCELLED;
            proposal.cancellationEffectiveYear = decision.effectiveYear;
        }
        proposal.updatedAt = Instant.now();
        decision.status = ChangeDecisionEntity.Status.APPROVED;
        decision.approvedAt = Instant.now();
    }

    // ---- checks ----------------------------------------------------------------------------------------

    /**
     * The proposal as the decision would leave it, or 422: the new plan is a valid plan for the proposal's flags,
     * it leaves the years before the effective year as they are, the schedule is a loan's; and the changed
     * proposal has no ERROR finding (e.g. LOAN_SCHEDULE_SUM, LOAN_OVER_6_YEARS, POOL_FUNDS_PERMANENT_OPERATION).
     */
    private Proposal changed(ProposalEntity entity, int effectiveYear, List<ProposalJson.PlanLine> plan,
            List<ProposalJson.Repayment> schedule) {
        Proposal stored = proposals.stored(entity.reference).proposal();
        ValidationErrors errors = new ValidationErrors();
        Loan loan = stored.loan();
        if (schedule != null) {
            if (loan == null) {
                errors.add("schedule", SCHEDULE_WITHOUT_LOAN, "Forslaget har intet lån, så der er ingen tilbagebetalingsplan at ændre");
            } else {
                loan = newLoan(loan, schedule, errors);
            }
        }
        YearlyPlan newPlan = stored.plan();
        if (plan != null) {
            YearlyPlan checked = ProposalChecks.plan(plan, stored.transfersEffect(), stored.kind(), stored.crossCutting(),
                    loan, errors);
            if (checked != null) {
                newPlan = checked;
                checkPastUnchanged(stored.plan(), newPlan, effectiveYear, errors);
            }
        }
        errors.throwIfAny("The decision is not valid");
        Proposal changed = stored.toBuilder().plan(newPlan).loan(loan).build();
        ProposalChecks.refuseErrorFindings(changed, "The proposal as changed by the decision breaks the rules of the pools.");
        return changed;
    }

    /** The loan with the new schedule, or (with the errors added) as it is. */
    private static Loan newLoan(Loan loan, List<ProposalJson.Repayment> schedule, ValidationErrors errors) {
        Map<Integer, Amount> repayments = ProposalChecks.schedule("schedule", schedule, errors);
        return repayments == null ? loan : new Loan(loan.principal(), loan.loanYear(), repayments);
    }

    /** An approved change applies from its effective year: the years before it stay as the current plan has them. */
    private static void checkPastUnchanged(YearlyPlan current, YearlyPlan wanted, int effectiveYear, ValidationErrors errors) {
        for (int year = Math.min(current.firstYear(), wanted.firstYear()); year < effectiveYear; year++) {
            if (!Objects.equals(current.forYear(year), wanted.forYear(year))) {
                errors.add("plan", PLAN_PAST_YEAR_CHANGED, "Året " + year + " ligger før ændringens virkningsår "
                        + effectiveYear + " og skal stå som i den gældende plan");
            }
        }
    }

    private static void refuseIfCancelled(ProposalEntity proposal) {
        if (proposal.status == ProposalEntity.Status.CANCELLED) {
            throw ApiException.unprocessable("The proposal is cancelled and takes no further decisions.",
                    List.of(new Problem.Error(null, null, null, PROPOSAL_CANCELLED,
                            "Forslaget er annulleret (med virkning fra " + proposal.cancellationEffectiveYear
                                    + ") og kan ikke få flere ændringsbeslutninger")));
        }
    }

    // ---- reading and writing ------------------------------------------------------------------------------

    private ChangeDecisionEntity find(String reference, long id) {
        return find(reference, id, LockModeType.NONE);
    }

    private ChangeDecisionEntity find(String reference, long id, LockModeType lock) {
        ProposalEntity proposal = proposals.find(reference);
        ChangeDecisionEntity decision = em.find(ChangeDecisionEntity.class, id, lock);
        if (decision == null || !decision.proposal.id.equals(proposal.id)) {
            throw ApiException.notFound("Proposal " + reference + " has no decision " + id + ".");
        }
        return decision;
    }

    private List<DecisionApprovalEntity> approvals(Long decisionId) {
        return decisions.approvalsOf(List.of(decisionId));
    }

    private DecisionJson.Response view(ChangeDecisionEntity d, List<DecisionApprovalEntity> approvals,
            boolean committeeIsFinanceCommittee) {
        List<ApprovalBody> next = d.status == ChangeDecisionEntity.Status.PENDING
                ? ApprovalOrder.next(approvals.stream().map(a -> body(a.id.body)).toList(), committeeIsFinanceCommittee).stream()
                        .map(b -> ApprovalBody.valueOf(b.name())).toList()
                : List.of();
        return new DecisionJson.Response(d.id, d.proposal.reference, d.type, d.status.name(), d.description, d.effectiveYear,
                plain(read(d.plan, PLAN)), read(d.schedule, SCHEDULE),
                approvals.stream().sorted(Comparator.comparing(a -> a.id.body))
                        .map(a -> new DecisionJson.Approval(a.id.body, a.approvedOn, a.caseReference)).toList(),
                d.createdAt, d.createdBy, d.approvedAt, d.version, next);
    }

    private static List<ProposalJson.PlanLine> plain(List<ProposalJson.PlanLine> plan) {
        return plan == null ? null : plan.stream().sorted(Comparator.comparing(ProposalJson.PlanLine::year)).toList();
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the decision's JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the decision's JSON", e);
        }
    }

}
