package dk.kk.gevinstspor.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PriceIndexRepository implements PanacheRepositoryBase<PriceIndexEntity, Integer> {

    /** Every stored year, ascending. */
    public List<PriceIndexEntity> listInOrder() {
        return listAll(Sort.by("year"));
    }

    /** How many proposals are in each price level year (the years whose index converts them), ascending. */
    public Map<Integer, Integer> proposalsByPriceLevelYear() {
        Map<Integer, Integer> proposals = new TreeMap<>();
        for (Object row : getEntityManager().createNativeQuery(
                "SELECT p.price_level_year, count(*) FROM proposal p GROUP BY p.price_level_year").getResultList()) {
            Object[] r = (Object[]) row;
            proposals.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
        }
        return proposals;
    }

    /** The first year of any plan, if there is a plan (the first accounts year a report can show). */
    public Optional<Integer> firstPlanYear() {
        Number first = (Number) getEntityManager().createNativeQuery("SELECT min(l.year) FROM plan_line l").getSingleResult();
        return Optional.ofNullable(first).map(Number::intValue);
    }
}
