package dk.kk.gevinstspor.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An adopted proposal as the domain sees it: kind, administrations, adoption, flags, assessments,
 * yearly plan, follow-up targets, optional loan and optional cancellation. Build one with {@link #builder()}.
 */
public record Proposal(
        String reference,
        String title,
        ProposalKind kind,
        String leadAdministration,
        Set<String> administrations,
        AdoptionRound adoptionRound,
        int adoptionYear,
        int priceLevelYear,
        PriorityClass priorityClass,
        boolean digital,
        boolean baseInvestment,
        List<String> dependentProposals,
        boolean transfersEffect,
        boolean employerAreaEffect,
        boolean premisesChange,
        boolean newItSystem,
        boolean otherAdministrationsPotential,
        Integer expectedInvestmentProposalYear,
        List<Assessment> assessments,
        YearlyPlan plan,
        List<FollowUpTarget> targets,
        Loan loan,
        Cancellation cancellation,
        Set<String> sectorAdministrations) {

    /** Distinct fagforvaltninger from which a proposal is cross-cutting (tværgående; seed section 1). */
    public static final int CROSS_CUTTING_MIN_ADMINISTRATIONS = 3;

    /**
     * The fagforvaltninger of the seed (reference data's {@code sector} flag; DOMAIN.md Edges 1): every
     * administration but Økonomiforvaltningen, which approves and coordinates. The builder's default; stored
     * proposals take the flags of the reference data.
     */
    public static final Set<String> SEED_SECTOR_ADMINISTRATIONS = Set.of("BUF", "KFF", "SOF", "SUF", "TMF", "BIF");

    public Proposal {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("Et forslag skal have en reference");
        }
        Objects.requireNonNull(kind, "kind");
        if (leadAdministration == null || leadAdministration.isBlank()) {
            throw new IllegalArgumentException("Et forslag skal have en ansvarlig forvaltning");
        }
        Objects.requireNonNull(adoptionRound, "adoptionRound");
        FiscalYear.check(adoptionYear);
        FiscalYear.check(priceLevelYear);
        if (expectedInvestmentProposalYear != null) {
            FiscalYear.check(expectedInvestmentProposalYear);
        }
        Objects.requireNonNull(plan, "plan");
        Set<String> all = new LinkedHashSet<>();
        all.add(leadAdministration);
        all.addAll(administrations);
        administrations = Set.copyOf(all);
        Set<String> sectors = new LinkedHashSet<>(sectorAdministrations);
        sectors.retainAll(administrations);
        sectorAdministrations = Set.copyOf(sectors);
        dependentProposals = List.copyOf(dependentProposals);
        assessments = List.copyOf(assessments);
        targets = List.copyOf(targets);
        Set<String> codes = new LinkedHashSet<>();
        for (FollowUpTarget t : targets) {
            if (!codes.add(t.code())) {
                throw new IllegalArgumentException("Opfølgningsmålets kode er brugt to gange: " + t.code());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this proposal's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().reference(reference).title(title).kind(kind).leadAdministration(leadAdministration)
                .administrations(administrations).adoptionRound(adoptionRound).adoptionYear(adoptionYear)
                .priceLevelYear(priceLevelYear).priorityClass(priorityClass).digital(digital)
                .baseInvestment(baseInvestment).dependentProposals(dependentProposals).transfersEffect(transfersEffect)
                .employerAreaEffect(employerAreaEffect).premisesChange(premisesChange).newItSystem(newItSystem)
                .otherAdministrationsPotential(otherAdministrationsPotential)
                .expectedInvestmentProposalYear(expectedInvestmentProposalYear).assessments(assessments).plan(plan)
                .targets(targets).loan(loan).cancellation(cancellation).sectors(sectorAdministrations);
    }

    /**
     * Cross-cutting (tværgående, DOMAIN.md Edges 1): at least three distinct fagforvaltninger take part, the lead
     * included; ØKF (not a fagforvaltning) may take part and lead but does not count.
     */
    public boolean crossCutting() {
        return crossCutting(administrations, sectorAdministrations);
    }

    /** The rule of {@link #crossCutting()} on administration codes, for input not yet a proposal. */
    public static boolean crossCutting(Set<String> administrations, Set<String> sectorAdministrations) {
        return administrations.stream().filter(sectorAdministrations::contains).count() >= CROSS_CUTTING_MIN_ADMINISTRATIONS;
    }

    /** The gain that counts: total economy with effect on transfers, else service. */
    public GainBasis gainBasis() {
        return transfersEffect ? GainBasis.TOTAL : GainBasis.SERVICE;
    }

    public Optional<Loan> loanIfAny() {
        return Optional.ofNullable(loan);
    }

    /** True when the proposal is cancelled with effect in or before the year. */
    public boolean cancelledBy(int year) {
        return cancellation != null && cancellation.effectiveYear() <= year;
    }

    public boolean hasAssessment(AssessmentType type) {
        return assessments.stream().anyMatch(a -> a.type() == type);
    }

    /**
     * False when the analysis unit decided to follow up only implementation and costs
     * (criterion 13, an ANALYSIS_UNIT assessment with followUpOnEffects = false).
     */
    public boolean effectsFollowedUp() {
        return assessments.stream()
                .noneMatch(a -> a.type() == AssessmentType.ANALYSIS_UNIT && !a.followUpOnEffects());
    }

    public List<FollowUpTarget.Milestone> milestones() {
        return targets.stream().filter(FollowUpTarget.Milestone.class::isInstance)
                .map(FollowUpTarget.Milestone.class::cast).toList();
    }

    public boolean hasTarget(TargetType type) {
        return targets.stream().anyMatch(t -> t.type() == type);
    }

    /** Mutable builder; {@link #build()} checks the values. */
    public static final class Builder {
        private String reference;
        private String title;
        private ProposalKind kind = ProposalKind.INVESTMENT;
        private String leadAdministration;
        private Set<String> administrations = Set.of();
        private AdoptionRound adoptionRound = AdoptionRound.BUDGET;
        private int adoptionYear;
        private int priceLevelYear;
        private PriorityClass priorityClass;
        private boolean digital;
        private boolean baseInvestment;
        private List<String> dependentProposals = List.of();
        private boolean transfersEffect;
        private boolean employerAreaEffect;
        private boolean premisesChange;
        private boolean newItSystem;
        private boolean otherAdministrationsPotential;
        private Integer expectedInvestmentProposalYear;
        private List<Assessment> assessments = new ArrayList<>();
        private YearlyPlan plan;
        private List<FollowUpTarget> targets = new ArrayList<>();
        private Loan loan;
        private Cancellation cancellation;
        private Set<String> sectors = SEED_SECTOR_ADMINISTRATIONS;

        private Builder() {
        }

        public Builder reference(String v) { reference = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder kind(ProposalKind v) { kind = v; return this; }
        public Builder leadAdministration(String v) { leadAdministration = v; return this; }
        public Builder administrations(Set<String> v) { administrations = v; return this; }
        public Builder adoptionRound(AdoptionRound v) { adoptionRound = v; return this; }
        public Builder adoptionYear(int v) { adoptionYear = v; return this; }
        public Builder priceLevelYear(int v) { priceLevelYear = v; return this; }
        public Builder priorityClass(PriorityClass v) { priorityClass = v; return this; }
        public Builder digital(boolean v) { digital = v; return this; }
        public Builder baseInvestment(boolean v) { baseInvestment = v; return this; }
        public Builder dependentProposals(List<String> v) { dependentProposals = v; return this; }
        public Builder transfersEffect(boolean v) { transfersEffect = v; return this; }
        public Builder employerAreaEffect(boolean v) { employerAreaEffect = v; return this; }
        public Builder premisesChange(boolean v) { premisesChange = v; return this; }
        public Builder newItSystem(boolean v) { newItSystem = v; return this; }
        public Builder otherAdministrationsPotential(boolean v) { otherAdministrationsPotential = v; return this; }
        public Builder expectedInvestmentProposalYear(Integer v) { expectedInvestmentProposalYear = v; return this; }
        public Builder assessments(List<Assessment> v) { assessments = v; return this; }
        public Builder plan(YearlyPlan v) { plan = v; return this; }
        public Builder targets(List<FollowUpTarget> v) { targets = v; return this; }
        public Builder loan(Loan v) { loan = v; return this; }
        public Builder cancellation(Cancellation v) { cancellation = v; return this; }
        /** The codes of the administrations that are fagforvaltninger (reference data); default the seed's. */
        public Builder sectors(Set<String> v) { sectors = v; return this; }

        /**
         * Builds the proposal. Adoption year and price level default to the first plan year
         * when not set.
         */
        public Proposal build() {
            Objects.requireNonNull(plan, "plan");
            int firstYear = plan.firstYear();
            return new Proposal(reference, title, kind, leadAdministration, administrations, adoptionRound,
                    adoptionYear == 0 ? firstYear : adoptionYear, priceLevelYear == 0 ? firstYear : priceLevelYear,
                    priorityClass, digital, baseInvestment, dependentProposals, transfersEffect, employerAreaEffect,
                    premisesChange, newItSystem, otherAdministrationsPotential, expectedInvestmentProposalYear,
                    assessments, plan, targets, loan, cancellation, sectors);
        }
    }
}
