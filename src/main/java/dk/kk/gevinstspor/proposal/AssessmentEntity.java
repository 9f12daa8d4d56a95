package dk.kk.gevinstspor.proposal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import dk.kk.gevinstspor.domain.AssessmentType;

/** A recorded assessment (høring/vurdering) of a proposal, section 4 of the seed. */
@Entity
@Table(name = "assessment")
@Audited
public class AssessmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public ProposalEntity proposal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentType type;

    @Column(name = "assessed_on")
    public LocalDate date;

    public String reference;

    @Column(name = "follow_up_on_effects", nullable = false)
    public boolean followUpOnEffects = true;
}
