package dk.kk.gevinstspor.common.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends, for work that one replica at a time may do
 * (ARCHITECTURE.md: "jobs that must run once take a database lock"). A lock is named; its key is
 * {@code hashtext(name)}. Call inside a transaction: the lock goes with its commit or rollback, also when a replica
 * dies.
 */
@ApplicationScoped
public class AdvisoryLock {

    @Inject
    EntityManager em;

    /** Takes the lock if no other transaction holds it; false (at once) if one does. */
    public boolean tryLock(String name) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", name).getSingleResult();
    }

    /** Takes the lock, waiting for a transaction that holds it to end. */
    public void lock(String name) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:name))) l")
                .setParameter("name", name).getSingleResult();
    }
}
