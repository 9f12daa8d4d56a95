package dk.kk.gevinstspor.decision;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** One body's approval of a change decision: the date of its meeting and its case reference. */
@Entity
@Table(name = "decision_approval")
@Audited
public class DecisionApprovalEntity {

    /** A decision is approved once by each body. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "decision_id", nullable = false)
        public Long decisionId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 30)
        public ApprovalBody body;

        public Key() {
        }

        public Key(Long decisionId, ApprovalBody body) {
            this.decisionId = decisionId;
            this.body = body;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(decisionId, k.decisionId) && body == k.body;
        }

        @Override
        public int hashCode() {
            return Objects.hash(decisionId, body);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "case_reference", nullable = false, length = 100)
    public String caseReference;
}
