package dk.kk.gevinstspor.actuals;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.domain.Actuals;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ActualRepository implements PanacheRepository<ActualEntity> {

    public List<ActualEntity> listForProposal(long proposalId) {
        return list("proposalId", Sort.by("year"), proposalId);
    }

    /** The proposal's actuals as the domain sees them. */
    public Actuals actualsOf(long proposalId) {
        return ActualMapper.toDomain(listForProposal(proposalId));
    }

    public Optional<ActualEntity> findFor(long proposalId, int year) {
        return find("proposalId = ?1 and year = ?2", proposalId, year).firstResultOptional();
    }
}
