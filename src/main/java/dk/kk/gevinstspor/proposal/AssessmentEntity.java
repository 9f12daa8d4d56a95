package dk.kk.gevinstspor.proposal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import dk.kk.gevinstspor.domain.AssessmentType;

/** A recorded assessment (høring/vurdering) of a proposal, section 4 of the seed. */
@Entity
@Table(name = "assessment")
@Audited
public class AssessmentEntity extends ProposalPart {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentType type;

    @Column(name = "assessed_on")
    public LocalDate date;

    public String reference;

    @Column(name = "follow_up_on_effects", nullable = false)
    public boolean followUpOnEffects = true;
}
