package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** The internal loan of an administration-specific pre-analysis and its repayment schedule. */
@Entity
@Table(name = "loan")
@Audited
public class LoanEntity {

    @Id
    @Column(name = "proposal_id")
    public Long proposalId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public ProposalEntity proposal;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal principal;

    @Column(name = "loan_year", nullable = false)
    public int loanYear;

    @ElementCollection
    @CollectionTable(name = "loan_repayment", joinColumns = @JoinColumn(name = "proposal_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "amount", nullable = false, precision = 15, scale = 2)
    @OrderBy
    public Map<Integer, BigDecimal> schedule = new TreeMap<>();
}
