package dk.kk.gevinstspor.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CommitteeRepository implements PanacheRepositoryBase<Committee, String> {

    /** All committees in the municipality's customary order. */
    public List<Committee> listInOrder() {
        return listAll(Sort.by("sortOrder"));
    }
}
