package dk.kk.gevinstspor.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as the templates see it ({@code {inject:currentUser.admin}}), e.g. for the menu. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    /** The user name, or null when nobody is signed in. */
    public String getName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** True for the roles that enter figures (entry users and admins). */
    public boolean isEntry() {
        return identity.hasRole(Roles.ENTRY) || identity.hasRole(Roles.ADMIN);
    }
}
