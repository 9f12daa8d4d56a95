package dk.kk.gevinstspor.proposal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.domain.ProposalKind;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<ProposalEntity> {

    /** One page of stored proposals and how many there are in all. */
    public record Found(List<ProposalEntity> items, long total) {
    }

    public Optional<ProposalEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /**
     * Proposals filtered by committee and administration (taking part, lead or not), kind and digital (each when not
     * null); ordered by reference.
     */
    public Found page(String committee, String administration, ProposalKind kind, Boolean digital, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (administration != null) {
            where.append(" and :administration member of p.administrations");
            params.and("administration", administration);
        }
        if (committee != null) {
            where.append(" and exists (select 1 from Administration a where a.committeeCode = :committee"
                    + " and a.code member of p.administrations)");
            params.and("committee", committee);
        }
        if (kind != null) {
            where.append(" and p.kind = :kind");
            params.and("kind", kind);
        }
        if (digital != null) {
            where.append(" and p.digital = :digital");
            params.and("digital", digital);
        }
        long total = find("from ProposalEntity p where " + where, params).count();
        List<ProposalEntity> items = find("from ProposalEntity p where " + where + " order by p.reference", params)
                .page(Page.of(page, size)).list();
        return new Found(items, total);
    }

    /** Removes and gives the references waiting in {@code cross_cutting_change} (V9), sorted. */
    public List<String> takeCrossCuttingChanges() {
        @SuppressWarnings("unchecked")
        List<String> references = getEntityManager().createNativeQuery("DELETE FROM cross_cutting_change RETURNING reference")
                .getResultList();
        return references.stream().sorted().toList();
    }
}
