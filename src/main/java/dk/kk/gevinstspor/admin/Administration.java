package dk.kk.gevinstspor.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the municipality's administrations (forvaltning), e.g. BUF, the committee it answers to and whether it is a fagforvaltning. */
@Entity
@Table(name = "administration")
public class Administration {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "committee_code", nullable = false)
    public String committeeCode;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** A fagforvaltning (DOMAIN.md Edges 1): counts towards cross-cutting. False for Økonomiforvaltningen. */
    @Column(nullable = false)
    public boolean sector;
}
