package dk.kk.gevinstspor.decision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import dk.kk.gevinstspor.proposal.ProposalPart;

/**
 * A change decision on an adopted proposal: pending until its three approvals are recorded, then approved and in
 * effect. {@code plan} and {@code schedule} hold the new plan lines and repayments as JSON (the shapes of the
 * proposal's JSON), written and read by {@link DecisionService}.
 */
@Entity
@Table(name = "change_decision")
@Audited
public class ChangeDecisionEntity extends ProposalPart {

    public enum Status {
        PENDING, APPROVED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    @Column(nullable = false, length = 4000)
    public String description;

    @Column(name = "effective_year", nullable = false)
    public int effectiveYear;

    /** The whole new plan as JSON (a list of plan lines), or null. */
    @Column(columnDefinition = "text")
    public String plan;

    /** The new repayment schedule as JSON (a list of year and amount), or null. */
    @Column(columnDefinition = "text")
    public String schedule;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Version
    public long version;
}
