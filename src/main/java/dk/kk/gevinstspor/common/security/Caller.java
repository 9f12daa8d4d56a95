package dk.kk.gevinstspor.common.security;

import java.util.Set;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the signed-in user's name, roles and the administrations an {@code entry} user is bound to. */
public final class Caller {

    public static final String SYSTEM = "system";
    /** Attribute of the security identity: the administrations (codes) of an entry user. */
    public static final String ADMINISTRATIONS = "administrations";
    /** Attribute of the security identity: true when the user must choose a new password before anything else. */
    public static final String MUST_CHANGE_PASSWORD = "mustChangePassword";

    private Caller() {
    }

    /** The signed-in user's name, or {@value #SYSTEM} outside a request or for anonymous work. */
    public static String currentUsername() {
        SecurityIdentity identity = currentIdentity();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }

    /** The identity of the current request, or null where there is none. */
    public static SecurityIdentity currentIdentity() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<CurrentIdentityAssociation> association = Arc.container().instance(CurrentIdentityAssociation.class)) {
            return association.isAvailable() ? association.get().getIdentity() : null;
        }
    }

    /** True when the user signed in with a password an admin set and must choose a new one first. */
    public static boolean mustChangePassword(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE_PASSWORD));
    }

    @SuppressWarnings("unchecked")
    public static Set<String> administrations(SecurityIdentity identity) {
        Object value = identity.getAttribute(ADMINISTRATIONS);
        return value instanceof Set<?> set ? (Set<String>) set : Set.of();
    }
}
