package dk.kk.gevinstspor.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PriceIndexRepository implements PanacheRepositoryBase<PriceIndexEntity, Integer> {

    /** Every stored year, ascending. */
    public List<PriceIndexEntity> listInOrder() {
        return listAll(Sort.by("year"));
    }
}
