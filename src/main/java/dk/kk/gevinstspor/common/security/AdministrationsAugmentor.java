package dk.kk.gevinstspor.common.security;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Adds the administrations an {@code entry} user is bound to to the identity: from the user table for a
 * database user (refused when disabled, or when its password changed after the remembered check; a session's
 * identity comes complete from {@link SessionAuthentication}), from the groups of the token for a user of the identity provider (OpenID Connect), whose roles
 * are only those its groups give ({@link GroupRoles}); a token without any of those groups is refused (403).
 */
@ApplicationScoped
public class AdministrationsAugmentor implements SecurityIdentityAugmentor {

    @Inject
    UserRepository users;

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
        if (identity.isAnonymous() || identity.getAttribute(SessionAuthentication.SESSION) != null) {
            // a session's identity was read with its user's state (SessionAuthentication)
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> withAccount(identity));
    }

    /**
     * A password identity (HTTP Basic, the login form), perhaps remembered by {@link PasswordCheckCache}: refused
     * when its user is disabled or gone, or when the password changed after it was checked; else given the user's
     * administrations and whether it must choose a new password.
     */
    @ActivateRequestContext
    SecurityIdentity withAccount(SecurityIdentity identity) {
        UserEntity user = users.findByUsername(identity.getPrincipal().getName()).orElse(null);
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException("The user is disabled or gone");
        }
        Object checkedAt = identity.getAttribute(PasswordCheckCache.CHECKED_AT);
        if (checkedAt instanceof Instant at && at.isBefore(user.passwordChangedAt)) {
            throw new AuthenticationFailedException("The password changed after it was checked");
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ADMINISTRATIONS, Set.copyOf(user.administrations))
                .addAttribute(Caller.MUST_CHANGE_PASSWORD, user.mustChangePassword)
                .build();
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

}
