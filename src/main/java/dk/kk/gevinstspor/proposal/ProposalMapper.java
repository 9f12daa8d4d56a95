package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.Assessment;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Cancellation;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.Loan;
import dk.kk.gevinstspor.domain.PlanInput;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.PriorityClass;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.YearlyPlan;
import dk.kk.gevinstspor.domain.rules.Finding;

/**
 * Translates between the three shapes of a proposal: the JSON a client sends, the stored entities, and the
 * domain's {@link Proposal} on which every rule is computed. It decides nothing itself.
 */
public final class ProposalMapper {

    private ProposalMapper() {
    }

    // ---- request → domain ------------------------------------------------------------------------

    /**
     * The domain proposal the request describes, or the 422 errors that keep it from being one
     * (amount formats, plan shape, target fields). Rule findings are the domain's business, not checked here.
     */
    public static Proposal toDomain(ProposalJson.Request r, Cancellation cancellation, Set<String> sectorAdministrations,
                                    ValidationErrors errors) {
        Set<String> administrations = new LinkedHashSet<>();
        administrations.add(r.leadAdministration());
        administrations.addAll(r.administrationsOrEmpty());
        // in the order the API lists the errors: the lines' amounts, the loan, then the plan with the loan
        List<PlanInput> rows = ProposalChecks.planRows(r.plan(), errors);
        Loan loan = toLoan(r.loan(), errors);
        YearlyPlan plan = ProposalChecks.planOf(rows, r.transfersEffect(), r.kind(),
                Proposal.crossCutting(administrations, sectorAdministrations), loan, errors);
        List<FollowUpTarget> targets = toTargets(r.targetsOrEmpty(), errors);
        List<Assessment> assessments = toAssessments(r.assessmentsOrEmpty(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return Proposal.builder()
                .reference(r.reference()).title(r.title()).kind(r.kind()).leadAdministration(r.leadAdministration())
                .administrations(administrations).adoptionRound(r.adoptionRound()).adoptionYear(r.adoptionYear())
                .priceLevelYear(r.priceLevelYear())
                .priorityClass(r.priorityClass() == null ? null : PriorityClass.of(r.priorityClass()))
                .digital(r.digital()).baseInvestment(r.baseInvestment()).dependentProposals(r.dependentProposalsOrEmpty())
                .transfersEffect(r.transfersEffect()).employerAreaEffect(r.employerAreaEffect())
                .premisesChange(r.premisesChange()).newItSystem(r.newItSystem())
                .otherAdministrationsPotential(r.otherAdministrationsPotential())
                .expectedInvestmentProposalYear(r.expectedInvestmentProposalYear())
                .assessments(assessments).plan(plan).targets(targets).loan(loan)
                .cancellation(cancellation).sectors(sectorAdministrations)
                .build();
    }

    private static Loan toLoan(ProposalJson.Loan json, ValidationErrors errors) {
        if (json == null) {
            return null;
        }
        int before = errors.list().size();
        errors.amount("loan.principal", json.principal(), false);
        Map<Integer, Amount> schedule = ProposalChecks.schedule("loan.schedule", json.schedule(), errors);
        if (errors.list().size() > before) {
            return null;
        }
        return new Loan(Amount.of(json.principal()), json.loanYear(), schedule);
    }

    private static List<FollowUpTarget> toTargets(List<ProposalJson.Target> json, ValidationErrors errors) {
        List<FollowUpTarget> targets = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            ProposalJson.Target t = json.get(i);
            String prefix = "targets[" + i + "].";
            if (!codes.add(t.code())) {
                errors.add(prefix + "code", "TARGET_CODE_DUPLICATE", "Koden " + t.code() + " er brugt af et andet opfølgningsmål");
                continue;
            }
            switch (t.type()) {
                case ECONOMIC -> targets.add(new FollowUpTarget.Economic(t.code()));
                case MILESTONE -> {
                    if (t.dueYear() == null) {
                        errors.add(prefix + "dueYear", "MILESTONE_DUE_YEAR_MISSING", "En milepæl skal have det år, den skal nås");
                    } else {
                        targets.add(new FollowUpTarget.Milestone(t.code(), t.description(), t.dueYear()));
                    }
                }
                case KPI -> {
                    if (t.direction() == null) {
                        errors.add(prefix + "direction", "KPI_DIRECTION_MISSING",
                                "Et nøgletal skal angive, om højere eller lavere er bedre");
                        continue;
                    }
                    Map<Integer, BigDecimal> yearly = new TreeMap<>();
                    List<ProposalJson.KpiYear> years = t.yearly() == null ? List.of() : t.yearly();
                    for (int k = 0; k < years.size(); k++) {
                        ProposalJson.KpiYear y = years.get(k);
                        errors.figure(prefix + "yearly[" + k + "].target", y.target());
                        if (yearly.put(y.year(), Numbers.plain(y.target())) != null) {
                            errors.add(prefix + "yearly[" + k + "].year", "KPI_YEAR_DUPLICATE",
                                    "Året " + y.year() + " står mere end én gang");
                        }
                    }
                    targets.add(new FollowUpTarget.Kpi(t.code(), t.description(), t.unit(), t.direction(), yearly));
                }
            }
        }
        return targets;
    }

    private static List<Assessment> toAssessments(List<ProposalJson.Assessment> json, ValidationErrors errors) {
        List<Assessment> assessments = new ArrayList<>();
        Set<AssessmentType> types = new HashSet<>();
        for (int i = 0; i < json.size(); i++) {
            ProposalJson.Assessment a = json.get(i);
            if (!types.add(a.type())) {
                errors.add("assessments[" + i + "].type", "ASSESSMENT_DUPLICATE", "Vurderingen " + a.type() + " står to gange");
                continue;
            }
            assessments.add(new Assessment(a.type(), a.date(), a.reference(),
                    a.followUpOnEffects() == null || a.followUpOnEffects()));
        }
        return assessments;
    }

    // ---- entity → domain (a proposal is read through the portfolio; this is a plan version only) ----

    /** One stored plan version as the domain's plan (e.g. the baseline, version 1). */
    public static YearlyPlan toPlan(PlanVersionEntity version) {
        return new YearlyPlan(version.lines.stream().map(l -> new PlanYear(l.year, Amount.of(l.investment),
                Amount.of(l.operationFunding), Amount.of(l.operatingCost), Amount.of(l.serviceEfficiency),
                Amount.of(l.transferEffect))).toList());
    }

    // ---- domain → entity -------------------------------------------------------------------------

    /** A new entity for an adopted proposal: its plan becomes plan version 1, the baseline. */
    public static ProposalEntity newEntity(Proposal p) {
        ProposalEntity e = new ProposalEntity();
        e.reference = p.reference();
        applyDescription(p, e);
        PlanVersionEntity baseline = new PlanVersionEntity();
        baseline.proposal = e;
        baseline.number = 1;
        baseline.lines = p.plan().years().stream().map(PlanVersionEntity.Line::of).toList();
        baseline.lines = new ArrayList<>(baseline.lines);
        e.planVersions.add(baseline);
        p.loanIfAny().ifPresent(loan -> {
            LoanEntity l = new LoanEntity();
            l.proposal = e;
            l.principal = loan.principal().value();
            l.loanYear = loan.loanYear();
            loan.schedule().forEach((year, amount) -> l.schedule.put(year, amount.value()));
            e.loan = l;
        });
        return e;
    }

    /** Writes everything but reference, plan and loan (which change only by decisions) into the entity. */
    public static void applyDescription(Proposal p, ProposalEntity e) {
        e.title = p.title();
        e.kind = p.kind();
        e.leadAdministration = p.leadAdministration();
        e.administrations.clear();
        e.administrations.addAll(new java.util.TreeSet<>(p.administrations()));
        e.adoptionRound = p.adoptionRound();
        e.adoptionYear = p.adoptionYear();
        e.priceLevelYear = p.priceLevelYear();
        e.priorityClass = p.priorityClass() == null ? null : p.priorityClass().number();
        e.digital = p.digital();
        e.baseInvestment = p.baseInvestment();
        e.dependentProposals.clear();
        e.dependentProposals.addAll(p.dependentProposals());
        e.transfersEffect = p.transfersEffect();
        e.employerAreaEffect = p.employerAreaEffect();
        e.premisesChange = p.premisesChange();
        e.newItSystem = p.newItSystem();
        e.otherAdministrationsPotential = p.otherAdministrationsPotential();
        e.expectedInvestmentProposalYear = p.expectedInvestmentProposalYear();
        // Collections are updated in place, keyed as the database keys them (type, code), so that a
        // changed row is updated rather than deleted and inserted again.
        Map<AssessmentType, AssessmentEntity> assessments = new java.util.EnumMap<>(AssessmentType.class);
        e.assessments.forEach(a -> assessments.put(a.type, a));
        e.assessments.removeIf(a -> p.assessments().stream().noneMatch(x -> x.type() == a.type));
        for (Assessment a : p.assessments()) {
            AssessmentEntity ae = assessments.get(a.type());
            if (ae == null) {
                ae = new AssessmentEntity();
                ae.proposal = e;
                ae.type = a.type();
                e.assessments.add(ae);
            }
            ae.date = a.date();
            ae.reference = a.reference();
            ae.followUpOnEffects = a.followUpOnEffects();
        }
        Map<String, TargetEntity> targets = new java.util.HashMap<>();
        e.targets.forEach(t -> targets.put(t.code, t));
        e.targets.removeIf(t -> p.targets().stream().noneMatch(x -> x.code().equals(t.code)));
        int position = 0;
        for (FollowUpTarget t : p.targets()) {
            TargetEntity te = targets.get(t.code());
            if (te == null) {
                te = new TargetEntity();
                te.proposal = e;
                te.code = t.code();
                e.targets.add(te);
            }
            te.type = t.type();
            te.position = position++;
            te.description = null;
            te.unit = null;
            te.direction = null;
            te.dueYear = null;
            te.yearly.clear();
            if (t instanceof FollowUpTarget.Milestone m) {
                te.description = m.description();
                te.dueYear = m.dueYear();
            } else if (t instanceof FollowUpTarget.Kpi k) {
                te.description = k.description();
                te.unit = k.unit();
                te.direction = k.direction();
                te.yearly.putAll(k.yearly());
            }
        }
        e.targets.sort(java.util.Comparator.comparingInt(t -> t.position));
        e.updatedAt = java.time.Instant.now();
    }

    // ---- → response ------------------------------------------------------------------------------

    public static ProposalJson.Response toResponse(ProposalEntity e, Proposal p, List<Finding> findings, Amount treasuryReturn) {
        return new ProposalJson.Response(e.id, e.reference, e.title, e.kind, e.leadAdministration,
                p.administrations().stream().sorted().toList(), p.crossCutting(), e.adoptionRound, e.adoptionYear,
                e.priceLevelYear, e.priorityClass, e.digital, e.baseInvestment, List.copyOf(e.dependentProposals),
                e.transfersEffect, e.employerAreaEffect, e.premisesChange, e.newItSystem, e.otherAdministrationsPotential,
                e.expectedInvestmentProposalYear,
                e.assessments.stream().map(a -> new ProposalJson.Assessment(a.type, a.date, a.reference,
                        a.type == AssessmentType.ANALYSIS_UNIT ? a.followUpOnEffects : null)).toList(),
                p.plan().years().stream().map(y -> new ProposalJson.PlanLine(y.year(), y.investment().value(),
                        y.operationFunding().value(), y.operatingCost().value(), y.serviceEfficiency().value(),
                        y.transferEffect().value())).toList(),
                p.targets().stream().map(ProposalMapper::toJson).toList(),
                p.loanIfAny().map(l -> new ProposalJson.Loan(l.principal().value(), l.loanYear(),
                        l.schedule().entrySet().stream().map(s -> new ProposalJson.Repayment(s.getKey(), s.getValue().value())).toList()))
                        .orElse(null),
                e.status.name(),
                java.util.Optional.ofNullable(p.cancellation()).map(c -> new ProposalJson.Cancellation(c.effectiveYear(),
                        treasuryReturn == null ? null : treasuryReturn.value())).orElse(null),
                findings.stream().map(f -> new ProposalJson.Finding(f.code().name(), f.severity(), f.message())).toList(),
                e.version);
    }

    private static ProposalJson.Target toJson(FollowUpTarget t) {
        if (t instanceof FollowUpTarget.Milestone m) {
            return new ProposalJson.Target(m.code(), TargetType.MILESTONE, m.description(), null, null, m.dueYear(), null);
        }
        if (t instanceof FollowUpTarget.Kpi k) {
            return new ProposalJson.Target(k.code(), TargetType.KPI, k.description(), k.unit(), k.direction(), null,
                    k.yearly().entrySet().stream().map(y -> new ProposalJson.KpiYear(y.getKey(), y.getValue())).toList());
        }
        return new ProposalJson.Target(t.code(), TargetType.ECONOMIC, null, null, null, null, null);
    }
}
