package dk.kk.gevinstspor.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in user and the page asked for, as the templates see them ({@code {inject:currentUser.admin}}): the menu
 * ({@code nav.html}) shows each role its items and marks the current one.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;
    @Inject
    RoutingContext routing;

    /** The user name, or null when nobody is signed in. */
    public String getName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** True for the roles that enter figures (entry users and admins); a viewer is never offered the entry pages. */
    public boolean isEntry() {
        return identity.hasRole(Roles.ENTRY) || identity.hasRole(Roles.ADMIN);
    }

    /** The menu item the page asked for belongs to ({@link #sectionOf}). */
    public String getSection() {
        return sectionOf(path());
    }

    /**
     * The {@code aria-current} value of a menu item whose section is the current one: {@code page} on the item's own
     * page, {@code true} below it (e.g. {@code /admin/prisindeks} under Administration).
     */
    public String current(String itemPath) {
        return path().equals(itemPath) ? "page" : "true";
    }

    /** Where the menu's "Log ind" leads: the login page, returning to this page afterwards ({@link LoginReturn}). */
    public String getLoginHref() {
        return LoginReturn.loginPath(path() + (routing.request().query() == null ? "" : "?" + routing.request().query()));
    }

    /**
     * The menu's section of a path: {@code forside}, {@code forslag}, {@code rapporter}, {@code indberetning},
     * {@code upload}, {@code admin}, {@code adgangskode}, {@code login}, or empty.
     */
    static String sectionOf(String path) {
        if (path.equals("/")) {
            return "forside";
        }
        if (path.equals("/indberetning/upload") || path.startsWith("/indberetning/upload/")) {
            return "upload";
        }
        for (String section : new String[] { "forslag", "rapporter", "indberetning", "admin", "adgangskode", "login" }) {
            if (path.equals("/" + section) || path.startsWith("/" + section + "/")) {
                return section;
            }
        }
        return "";
    }

    private String path() {
        String path = routing.normalizedPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
