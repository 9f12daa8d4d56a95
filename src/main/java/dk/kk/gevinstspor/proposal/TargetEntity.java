package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.TargetType;

/** A follow-up target (opfølgningsmål) of a proposal: economic, milestone or KPI with yearly targets. */
@Entity
@Table(name = "follow_up_target")
@Audited
public class TargetEntity extends ProposalPart {

    @Column(nullable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetType type;

    public String description;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "due_year")
    public Integer dueYear;

    @Column(nullable = false)
    public int position;

    @ElementCollection
    @CollectionTable(name = "kpi_yearly_target", joinColumns = @JoinColumn(name = "target_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "target", precision = 18, scale = 4)
    @OrderBy
    public Map<Integer, BigDecimal> yearly = new TreeMap<>();
}
