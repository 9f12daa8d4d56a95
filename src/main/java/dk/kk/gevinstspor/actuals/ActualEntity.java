package dk.kk.gevinstspor.actuals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** The actual figures of one proposal in one year, in the proposal's price level. */
@Entity
@Table(name = "actual")
@Audited
public class ActualEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public Long proposalId;

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

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal repayment;

    public String explanation;

    @ElementCollection
    @CollectionTable(name = "actual_kpi", joinColumns = @JoinColumn(name = "actual_id"))
    @MapKeyColumn(name = "code")
    @Column(name = "value", nullable = false, precision = 18, scale = 4)
    public Map<String, BigDecimal> kpis = new TreeMap<>();

    @ElementCollection
    @CollectionTable(name = "actual_milestone", joinColumns = @JoinColumn(name = "actual_id"))
    @MapKeyColumn(name = "code")
    @Column(name = "achieved_year", nullable = false)
    public Map<String, Integer> milestones = new TreeMap<>();

    @NotAudited
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    @Version
    public long version;
}
