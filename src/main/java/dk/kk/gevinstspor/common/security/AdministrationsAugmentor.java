package dk.kk.gevinstspor.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dk.kk.gevinstspor.admin.UserRepository;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Adds the administrations an {@code entry} user is bound to (from the user table) to the identity. */
@ApplicationScoped
public class AdministrationsAugmentor implements SecurityIdentityAugmentor {

    private final UserRepository users;

    public AdministrationsAugmentor(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.ENTRY)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ADMINISTRATIONS, administrationsOf(identity.getPrincipal().getName()))
                .build());
    }

    @ActivateRequestContext
    Set<String> administrationsOf(String username) {
        return users.findByUsername(username).map(u -> Set.copyOf(u.administrations)).orElse(Set.of());
    }
}
