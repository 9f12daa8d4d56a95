package dk.kk.gevinstspor.admin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EntryDeadlineRepository implements PanacheRepositoryBase<EntryDeadlineEntity, Integer> {

    /** The stored deadline (V35 seeds it; absent only if someone removed the row). */
    public Optional<EntryDeadlineEntity> stored() {
        return findByIdOptional(EntryDeadlineEntity.ID);
    }
}
