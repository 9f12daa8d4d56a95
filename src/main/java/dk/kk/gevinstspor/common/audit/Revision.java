package dk.kk.gevinstspor.common.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One audited change set: when and by whom. Envers writes one per transaction that changes an audited entity;
 * set-based writes (bulk imports) insert their own row here and their own audit rows (docs/audit.md).
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionUserListener.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    public Long id;

    /** Milliseconds since the epoch. */
    @RevisionTimestamp
    @Column(name = "at_millis", nullable = false)
    public long timestamp;

    @Column(nullable = false)
    public String username;
}
