package dk.kk.gevinstspor.common.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups of the municipality's identity provider (OpenID Connect, claim {@code groups}) that give a role in
 * Gevinstspor (docs/security.md): {@code gevinstspor-admin}, {@code gevinstspor-viewer} and one
 * {@code gevinstspor-entry-<ADMINISTRATION>} per administration an entry user enters figures for, e.g.
 * {@code gevinstspor-entry-BUF}. Every other group gives nothing.
 */
public record GroupRoles(Set<String> roles, Set<String> administrations) {

    public static final String PREFIX = "gevinstspor-";
    static final String ENTRY_PREFIX = PREFIX + Roles.ENTRY + "-";

    public static GroupRoles of(Collection<String> groups) {
        Set<String> roles = new TreeSet<>();
        Set<String> administrations = new TreeSet<>();
        for (String group : groups) {
            if (group.equals(PREFIX + Roles.ADMIN)) {
                roles.add(Roles.ADMIN);
            } else if (group.equals(PREFIX + Roles.VIEWER)) {
                roles.add(Roles.VIEWER);
            } else if (group.startsWith(ENTRY_PREFIX) && group.length() > ENTRY_PREFIX.length()) {
                roles.add(Roles.ENTRY);
                administrations.add(group.substring(ENTRY_PREFIX.length()));
            }
        }
        return new GroupRoles(Set.copyOf(roles), Set.copyOf(administrations));
    }
}
