package dk.kk.gevinstspor.admin;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One year of the price index table (DOMAIN.md, Money: price levels). */
@Entity
@Table(name = "price_index")
public class PriceIndexEntity {

    @Id
    public int year;

    /** The index of the year, &gt; 0, at most four decimals. */
    @Column(name = "index", nullable = false, precision = 12, scale = 4)
    public BigDecimal indexValue;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
