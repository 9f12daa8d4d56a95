package dk.kk.gevinstspor.admin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one row of the deadline for entering figures (V35; domain.EntryDeadline). */
@Entity
@Table(name = "entry_deadline")
public class EntryDeadlineEntity {

    /** Always 1: there is one deadline. */
    public static final int ID = 1;

    @Id
    public int id;

    @Column(nullable = false)
    public int day;

    @Column(nullable = false)
    public int month;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
