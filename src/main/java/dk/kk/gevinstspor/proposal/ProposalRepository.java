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

    /**
     * The stamp of the proposal's current evaluation snapshots (docs/reporting.md, "Evaluations answered again"): when
     * the snapshot job last computed them, or empty when there are none or the proposal is marked out of date since
     * (or there is no such proposal). Every write that changes an evaluation marks its proposal in its own transaction,
     * and the job that recomputes it removes the mark and writes rows with a new time in one transaction, so an
     * unchanged stamp means unchanged inputs. One statement, reading one row of each table by its key.
     */
    public Optional<String> evaluationStamp(String reference) {
        @SuppressWarnings("unchecked")
        List<Object> stamps = getEntityManager().createNativeQuery("SELECT (SELECT s.computed_at::text FROM evaluation_snapshot s"
                + " WHERE s.proposal_id = p.id ORDER BY s.year LIMIT 1) FROM proposal p WHERE p.reference = :reference"
                + " AND NOT EXISTS (SELECT 1 FROM evaluation_snapshot_dirty d WHERE d.proposal_id = p.id)")
                .setParameter("reference", reference).getResultList();
        return stamps.stream().filter(Objects::nonNull).findFirst().map(String.class::cast);
    }

    /** Removes and gives the references waiting in {@code cross_cutting_change} (V9), sorted. */
    public List<String> takeCrossCuttingChanges() {
        @SuppressWarnings("unchecked")
        List<String> references = getEntityManager().createNativeQuery("DELETE FROM cross_cutting_change RETURNING reference")
                .getResultList();
        return references.stream().sorted().toList();
    }
}
