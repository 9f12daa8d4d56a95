package dk.kk.gevinstspor.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may write what, beyond the role checks on the endpoints. */
@ApplicationScoped
public class Access {

    @Inject
    SecurityIdentity identity;

    /**
     * True when the caller may enter the actual figures of a proposal led by this administration: an admin, or an entry
     * user of the lead administration. The other administrations taking part (a cross-cutting proposal's) read the
     * figures but do not write them (docs/pages.md, "Who enters figures").
     */
    public boolean mayWriteActuals(String leadAdministration) {
        if (identity.hasRole(Roles.ADMIN)) {
            return true;
        }
        return identity.hasRole(Roles.ENTRY) && Caller.administrations(identity).contains(leadAdministration);
    }

    /** The Danish sentence that says why {@link #mayWriteActuals} is false and who enters the figures instead. */
    public static String actualsRefusal(String reference, String leadAdministration) {
        return "Tallene for " + reference + " indberettes af den ledende forvaltning (" + leadAdministration
                + "). Du kan læse dem, men ikke ændre dem.";
    }

    /** @throws ApiException 403 unless {@link #mayWriteActuals} */
    public void requireWriteActuals(String reference, String leadAdministration) {
        if (!mayWriteActuals(leadAdministration)) {
            throw new ApiException(Problem.of(403, "Forbidden", actualsRefusal(reference, leadAdministration)));
        }
    }
}
