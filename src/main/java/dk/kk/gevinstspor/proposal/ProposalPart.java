package dk.kk.gevinstspor.proposal;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.envers.Audited;

/**
 * What every stored part of one proposal has: its own generated id and the proposal it belongs to (plan versions,
 * targets, assessments, change decisions). Audited here too, so that Envers keeps both fields in each part's history.
 */
@MappedSuperclass
@Audited
public abstract class ProposalPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public ProposalEntity proposal;
}
