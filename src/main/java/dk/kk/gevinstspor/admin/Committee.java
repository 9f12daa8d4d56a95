package dk.kk.gevinstspor.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A political committee (fagudvalg) that administrations answer to, e.g. BUU, Børne- og Ungdomsudvalget. */
@Entity
@Table(name = "committee")
public class Committee {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
