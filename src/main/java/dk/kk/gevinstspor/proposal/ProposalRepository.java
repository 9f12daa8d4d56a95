package dk.kk.gevinstspor.proposal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<ProposalEntity> {

    public Optional<ProposalEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The proposals with these ids, in the order of the ids (ids of none are left out). */
    public List<ProposalEntity> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProposalEntity> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(e -> e.id, e -> e));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Removes and gives the references waiting in {@code cross_cutting_change} (V9), sorted. */
    public List<String> takeCrossCuttingChanges() {
        @SuppressWarnings("unchecked")
        List<String> references = getEntityManager().createNativeQuery("DELETE FROM cross_cutting_change RETURNING reference")
                .getResultList();
        return references.stream().sorted().toList();
    }
}
