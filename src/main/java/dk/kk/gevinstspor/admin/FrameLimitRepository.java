package dk.kk.gevinstspor.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FrameLimitRepository implements PanacheRepositoryBase<FrameLimitEntity, FrameLimitEntity.Key> {

    /** The stored limits of an adoption year (possibly none). */
    public List<FrameLimitEntity> forYear(int adoptionYear) {
        return list("adoptionYear", adoptionYear);
    }
}
