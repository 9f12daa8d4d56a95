package dk.kk.gevinstspor.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dk.kk.gevinstspor.admin.UserRepository;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Adds the administrations an {@code entry} user is bound to to the identity: from the user table for a
 * database user, from the groups of the token for a user of the identity provider (OpenID Connect), whose roles
 * are only those its groups give ({@link GroupRoles}); a token without any of those groups is refused (403).
 */
@ApplicationScoped
public class AdministrationsAugmentor implements SecurityIdentityAugmentor {

    private final UserRepository users;

    public AdministrationsAugmentor(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken) {
            GroupRoles granted = GroupRoles.of(identity.getRoles());
            if (granted.roles().isEmpty()) {
                // a valid token of the municipality, but of nobody Gevinstspor knows: not even reading
                return Uni.createFrom().failure(new ForbiddenException("No Gevinstspor group (" + GroupRoles.PREFIX + "…)"));
            }
            return Uni.createFrom().item(fromGroups(identity, granted));
        }
        if (identity.isAnonymous() || !identity.hasRole(Roles.ENTRY)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ADMINISTRATIONS, administrationsOf(identity.getPrincipal().getName()))
                .build());
    }

    /** The provider's groups arrive as the identity's roles (quarkus.oidc.roles.role-claim-path): replace them. */
    private static SecurityIdentity fromGroups(SecurityIdentity identity, GroupRoles granted) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(granted.roles())
                .addAttribute(Caller.ADMINISTRATIONS, granted.administrations())
                .build();
    }

    @ActivateRequestContext
    Set<String> administrationsOf(String username) {
        return users.findByUsername(username).map(u -> Set.copyOf(u.administrations)).orElse(Set.of());
    }
}
