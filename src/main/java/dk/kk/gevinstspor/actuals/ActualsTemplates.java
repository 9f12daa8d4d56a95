package dk.kk.gevinstspor.actuals;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.admin.AdministrationRepository;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalMapper;
import dk.kk.gevinstspor.proposal.ProposalRepository;
import io.quarkus.security.identity.SecurityIdentity;

/** Which proposals a template (or an entry list) for a year holds. */
@ApplicationScoped
public class ActualsTemplates {

    private final ProposalRepository proposals;
    private final AdministrationRepository administrations;
    private final SecurityIdentity identity;

    public ActualsTemplates(ProposalRepository proposals, AdministrationRepository administrations, SecurityIdentity identity) {
        this.proposals = proposals;
        this.administrations = administrations;
        this.identity = identity;
    }

    /**
     * The adopted proposals whose plan has begun by the year, ordered by reference: of the committee's
     * administrations when one is given, else of the entry user's administrations, else all.
     */
    public List<Proposal> proposalsFor(int year, String committee) {
        return entitiesFor(year, committee).stream().map(ProposalMapper::toDomain).toList();
    }

    /** As {@link #proposalsFor}, the stored proposals. */
    private List<ProposalEntity> entitiesFor(int year, String committee) {
        Set<String> codes;
        if (committee != null) {
            codes = Set.copyOf(administrations.list("committeeCode", committee).stream().map(a -> a.code).toList());
        } else if (!identity.hasRole(Roles.ADMIN)) {
            codes = Caller.administrations(identity);
        } else {
            codes = null;
        }
        List<ProposalEntity> entities = codes == null
                ? proposals.list("status = ?1 order by reference", ProposalEntity.Status.ADOPTED)
                : proposals.list("select distinct p from ProposalEntity p join p.administrations a where a in ?1 and p.status = ?2"
                        + " order by p.reference", codes, ProposalEntity.Status.ADOPTED);
        return entities.stream().filter(p -> p.baselinePlan().lines.stream().anyMatch(l -> l.year <= year)).toList();
    }
}
