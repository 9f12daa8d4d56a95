package dk.kk.gevinstspor.proposal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<ProposalEntity> {

    public Optional<ProposalEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
