package dk.kk.gevinstspor.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.ProposalKind;

/** An adopted proposal as stored; {@link ProposalMapper} turns it into the domain's {@code Proposal}. */
@Entity
@Table(name = "proposal")
@Audited
public class ProposalEntity {

    /** Whether the proposal is followed up or cancelled; "fully implemented" is derived, never stored. */
    public enum Status {
        ADOPTED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalKind kind;

    @Column(name = "lead_administration", nullable = false)
    public String leadAdministration;

    @ElementCollection
    @CollectionTable(name = "proposal_administration", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "administration_code")
    public Set<String> administrations = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "adoption_round", nullable = false)
    public AdoptionRound adoptionRound;

    @Column(name = "adoption_year", nullable = false)
    public int adoptionYear;

    @Column(name = "price_level_year", nullable = false)
    public int priceLevelYear;

    @Column(name = "priority_class")
    public Integer priorityClass;

    @Column(nullable = false)
    public boolean digital;

    @Column(name = "base_investment", nullable = false)
    public boolean baseInvestment;

    @ElementCollection
    @CollectionTable(name = "proposal_dependent", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    public List<String> dependentProposals = new ArrayList<>();

    @Column(name = "transfers_effect", nullable = false)
    public boolean transfersEffect;

    @Column(name = "employer_area_effect", nullable = false)
    public boolean employerAreaEffect;

    @Column(name = "premises_change", nullable = false)
    public boolean premisesChange;

    @Column(name = "new_it_system", nullable = false)
    public boolean newItSystem;

    @Column(name = "other_administrations_potential", nullable = false)
    public boolean otherAdministrationsPotential;

    @Column(name = "expected_investment_proposal_year")
    public Integer expectedInvestmentProposalYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.ADOPTED;

    @Column(name = "cancellation_effective_year")
    public Integer cancellationEffectiveYear;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("type")
    public List<AssessmentEntity> assessments = new ArrayList<>();

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    public List<PlanVersionEntity> planVersions = new ArrayList<>();

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TargetEntity> targets = new ArrayList<>();

    @OneToOne(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    public LoanEntity loan;

    @NotAudited
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    @Version
    public long version;

    /** The plan version that evaluation and reports follow: the newest approved one. */
    public PlanVersionEntity currentPlan() {
        return planVersions.stream().max(Comparator.comparingInt(v -> v.number))
                .orElseThrow(() -> new IllegalStateException("Proposal " + reference + " has no plan"));
    }

    /** The adopted baseline (version 1). */
    public PlanVersionEntity baselinePlan() {
        return planVersions.stream().min(Comparator.comparingInt(v -> v.number))
                .orElseThrow(() -> new IllegalStateException("Proposal " + reference + " has no plan"));
    }
}
