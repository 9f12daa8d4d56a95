package dk.kk.gevinstspor.admin;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AdministrationRepository implements PanacheRepositoryBase<Administration, String> {

    /** All administrations in the municipality's customary order. */
    public List<Administration> listInOrder() {
        return listAll(Sort.by("sortOrder"));
    }

    /** The codes of the administrations under a committee. */
    public Set<String> codesOf(String committee) {
        return list("committeeCode", committee).stream().map(a -> a.code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The codes of the fagforvaltninger, the administrations that count towards cross-cutting. */
    public Set<String> sectorCodes() {
        return list("sector", true).stream().map(a -> a.code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
