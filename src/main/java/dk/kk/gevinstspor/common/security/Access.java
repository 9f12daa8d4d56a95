package dk.kk.gevinstspor.common.security;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may write what, beyond the role checks on the endpoints. */
@ApplicationScoped
public class Access {

    private final SecurityIdentity identity;

    public Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** True when the caller may enter actuals for a proposal in which these administrations take part. */
    public boolean mayWriteActuals(Collection<String> proposalAdministrations) {
        if (identity.hasRole(Roles.ADMIN)) {
            return true;
        }
        if (!identity.hasRole(Roles.ENTRY)) {
            return false;
        }
        Set<String> own = Caller.administrations(identity);
        return proposalAdministrations.stream().anyMatch(own::contains);
    }

    /** @throws ApiException 403 unless {@link #mayWriteActuals} */
    public void requireWriteActuals(String reference, Collection<String> proposalAdministrations) {
        if (!mayWriteActuals(proposalAdministrations)) {
            throw new ApiException(Problem.of(403, "Forbidden", "You may not enter figures for " + reference
                    + ": none of your administrations takes part in it."));
        }
    }
}
