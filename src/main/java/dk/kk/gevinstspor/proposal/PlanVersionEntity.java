package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import dk.kk.gevinstspor.domain.PlanYear;

/**
 * One version of a proposal's yearly plan: number 1 is the adopted baseline, later numbers come from
 * approved change decisions and apply from their effective year.
 */
@Entity
@Table(name = "plan_version")
@Audited
public class PlanVersionEntity extends ProposalPart {

    @Column(nullable = false)
    public int number;

    @Column(name = "effective_from_year")
    public Integer effectiveFromYear;

    @NotAudited
    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    /** Never changed once stored (a changed plan is a new version), so not audited line by line. */
    @NotAudited
    @ElementCollection
    @CollectionTable(name = "plan_line", joinColumns = @JoinColumn(name = "plan_version_id"))
    @OrderBy("year")
    public List<Line> lines = new ArrayList<>();

    /** One year of the plan. */
    @Embeddable
    public static class Line {
        @Column(nullable = false)
        public int year;
        @Column(nullable = false, precision = 15, scale = 2)
        public BigDecimal investment;
        @Column(name = "operation_funding", nullable = false, precision = 15, scale = 2)
        public BigDecimal operationFunding;
        @Column(name = "operating_cost", nullable = false, precision = 15, scale = 2)
        public BigDecimal operatingCost;
        @Column(name = "service_efficiency", nullable = false, precision = 15, scale = 2)
        public BigDecimal serviceEfficiency;
        @Column(name = "transfer_effect", nullable = false, precision = 15, scale = 2)
        public BigDecimal transferEffect;

        /** The stored line of one year of a plan. */
        public static Line of(PlanYear y) {
            Line line = new Line();
            line.year = y.year();
            line.investment = y.investment().value();
            line.operationFunding = y.operationFunding().value();
            line.operatingCost = y.operatingCost().value();
            line.serviceEfficiency = y.serviceEfficiency().value();
            line.transferEffect = y.transferEffect().value();
            return line;
        }
    }
}
