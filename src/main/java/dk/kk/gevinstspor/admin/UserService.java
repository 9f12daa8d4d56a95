package dk.kk.gevinstspor.admin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.database.AdvisoryLock;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.security.AccountRules;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.security.UserEntity;
import dk.kk.gevinstspor.common.security.UserRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;

/**
 * Users who sign in with a password: creating them, their lifecycle (disable and enable, a password reset by an
 * admin, a password change by the user, deleting a user without history) and the first {@code admin} on an empty
 * database. Names and passwords follow {@link AccountRules}. Disabling, a reset and a change end the user's page
 * sessions in the same transaction (table {@code app_session}), so they count at once on every replica.
 */
@ApplicationScoped
public class UserService {

    public static final String FIRST_ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.ENTRY, Roles.VIEWER);

    @Inject
    UserRepository users;
    @Inject
    AdministrationRepository administrations;
    @Inject
    AdvisoryLock lock;

    @Transactional
    public UserJson.Response create(UserJson.Request request) {
        ValidationErrors errors = new ValidationErrors();
        AccountRules.checkUsername(request.username(), errors);
        Set<String> roles = new TreeSet<>(request.roles() == null ? List.of() : request.roles());
        if (roles.isEmpty()) {
            errors.add("roles", "ROLE_MISSING", "Vælg en rolle.");
        }
        roles.stream().filter(r -> !ROLES.contains(r)).forEach(r ->
                errors.add("roles", "UNKNOWN_ROLE", "Ukendt rolle: " + r + " (admin, entry eller viewer)"));
        Set<String> codes = new TreeSet<>(request.administrations() == null ? List.of() : request.administrations());
        codes.stream().filter(c -> administrations.findByIdOptional(c).isEmpty()).forEach(c ->
                errors.add("administrations", "UNKNOWN_ADMINISTRATION", "Ukendt forvaltning: " + c));
        if (roles.contains(Roles.ENTRY) && codes.isEmpty()) {
            errors.add("administrations", "ENTRY_NEEDS_ADMINISTRATION", "En indberetter skal høre til mindst én forvaltning");
        }
        if (!roles.contains(Roles.ENTRY) && !codes.isEmpty()) {
            errors.add("administrations", "ADMINISTRATIONS_ONLY_FOR_ENTRY", "Kun indberettere hører til forvaltninger");
        }
        AccountRules.checkPassword("password", request.username(), request.password(), errors);
        errors.throwIfAny("The user is not valid");
        if (users.findByUsername(request.username()).isPresent()) {
            throw ApiException.conflict("A user named " + request.username() + " exists already.");
        }
        UserEntity user = store(request.username(), request.password(), roles, codes);
        return UserJson.Response.of(user);
    }

    public List<UserJson.Response> list() {
        return users.listAll(Sort.by("username")).stream().map(UserJson.Response::of).toList();
    }

    public Optional<UserEntity> find(String username) {
        return users.findByUsername(username);
    }

    public UserJson.Response get(String username) {
        return UserJson.Response.of(existing(username));
    }

    /** Disables or enables a user; disabling ends its sessions. Admins cannot disable themselves. */
    @Transactional
    public UserJson.Response setEnabled(String username, boolean enabled, Long version) {
        UserEntity user = existing(username);
        checkVersion(user, version);
        if (!enabled) {
            refuseOwnAccount(username, "spærre");
        }
        if (user.enabled != enabled) {
            user.enabled = enabled;
            endSessions(user);
            LOG.infof("User %s %s by %s", username, enabled ? "enabled" : "disabled", Caller.currentUsername());
        }
        users.flush();
        return UserJson.Response.of(user);
    }

    /**
     * An admin gives the user a new password that the user must change at the next sign-in; its sessions end
     * and remembered password checks no longer count.
     */
    @Transactional
    public UserJson.Response resetPassword(String username, String password, Long version) {
        UserEntity user = existing(username);
        AccountRules.checkPassword("password", username, password, new ValidationErrors()).throwIfAny("The password is not valid");
        checkVersion(user, version);
        setPassword(user, password, true);
        LOG.infof("Password of %s reset by %s", username, Caller.currentUsername());
        return UserJson.Response.of(user);
    }

    /**
     * The user's own change: the current password, then the new one twice. Ends every session of the user (the
     * page opens a new one for the browser that made the change).
     */
    @Transactional
    public void changeOwnPassword(String username, String current, String password, String repeated) {
        UserEntity user = existing(username);
        ValidationErrors errors = new ValidationErrors();
        if (current == null || current.isEmpty() || !AccountRules.fitsBcrypt(current) || !BcryptUtil.matches(current, user.password)) {
            errors.add("current", "CURRENT_PASSWORD_WRONG", "Den nuværende adgangskode er forkert.");
        }
        AccountRules.checkPassword("password", username, password, errors);
        if (errors.isEmpty() && password.equals(current)) {
            errors.add("password", "PASSWORD_UNCHANGED", "Den nye adgangskode skal være en anden end den nuværende.");
        }
        if (password != null && !password.isEmpty() && !password.equals(repeated)) {
            errors.add("repeated", "PASSWORDS_DIFFER", "De to nye adgangskoder er ikke ens.");
        }
        errors.throwIfAny("The new password is not valid");
        setPassword(user, password, false);
        LOG.infof("Password of %s changed by the user", username);
    }

    /**
     * Deletes a user that has no history: nothing in the audit history (nor a change decision) names it, so no
     * later user of the same name can be mistaken for it. Others are disabled instead (409 USER_HAS_HISTORY).
     */
    @Transactional
    public void delete(String username) {
        UserEntity user = existing(username);
        refuseOwnAccount(username, "slette");
        if (users.hasHistory(username)) {
            throw new ApiException(new Problem("about:blank", "Conflict", 409, "The user " + username
                    + " has history and cannot be deleted; disable it instead.", List.of(new Problem.Error(null, null, null,
                            "USER_HAS_HISTORY", "Brugeren " + username + " har historik og kan ikke slettes. Spær brugeren i stedet."))));
        }
        users.delete(user);
        users.flush();
        LOG.infof("User %s deleted by %s", username, Caller.currentUsername());
    }

    /**
     * On an empty user table: creates {@code admin} with the given password, or a generated one that is written
     * to the log this once. Replicas starting together take turns (advisory lock), so only one admin is made.
     * Runs before the demo data (which calls it first), so a chosen password is never passed over; on a database
     * that has users already, a set password is not used, and the log says so.
     */
    @Transactional
    public void createFirstAdmin(Optional<String> password) {
        lock.lock("first admin");
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        if (users.count() > 0) {
            if (chosen != null && users.findByUsername(FIRST_ADMIN).map(u -> !BcryptUtil.matches(chosen, u.password)).orElse(true)) {
                LOG.warn("GEVINSTSPOR_ADMIN_PASSWORD is set but not used: it only sets the password of the first admin on an"
                        + " empty database, and this database has users already (change passwords on /admin/brugere)");
            }
            return;
        }
        if (chosen != null) {
            ValidationErrors errors = AccountRules.checkPassword("password", FIRST_ADMIN, chosen, new ValidationErrors());
            if (!errors.isEmpty()) {
                throw new IllegalStateException("GEVINSTSPOR_ADMIN_PASSWORD does not follow the password rules: "
                        + errors.list().get(0).message());
            }
        }
        String actual = chosen != null ? chosen : generatedPassword();
        store(FIRST_ADMIN, actual, Set.of(Roles.ADMIN), Set.of());
        if (chosen != null) {
            LOG.info("Created user admin with the password from GEVINSTSPOR_ADMIN_PASSWORD");
        } else {
            LOG.warnf("Created user admin with the generated password %s (shown this once; set GEVINSTSPOR_ADMIN_PASSWORD"
                    + " to choose it on an empty database)", actual);
        }
    }

    UserEntity store(String username, String password, Set<String> roles, Set<String> administrationCodes) {
        UserEntity user = new UserEntity();
        user.username = username;
        user.password = BcryptUtil.bcryptHash(password);
        user.roles = String.join(",", new LinkedHashSet<>(roles));
        user.administrations.addAll(administrationCodes);
        users.persist(user);
        users.flush();
        return user;
    }

    private void setPassword(UserEntity user, String password, boolean mustChange) {
        user.password = BcryptUtil.bcryptHash(password);
        user.mustChangePassword = mustChange;
        user.passwordChangedAt = Instant.now();
        endSessions(user);
        users.flush();
    }

    private void endSessions(UserEntity user) {
        users.endSessions(user);
    }

    private UserEntity existing(String username) {
        return users.findByUsername(username).orElseThrow(() -> ApiException.notFound("No user named " + username + "."));
    }

    private static void checkVersion(UserEntity user, Long version) {
        if (version == null || version != user.version) {
            throw new ApiException(new Problem("about:blank", "Conflict", 409, "The user " + user.username + " is at version "
                    + user.version + "; the change was made from " + (version == null ? "no version" : "version " + version) + ".",
                    List.of(new Problem.Error("version", null, null, "VERSION_CONFLICT",
                            "Brugeren er ændret af en anden, siden du hentede den. Hent den igen og prøv igen."))));
        }
    }

    private static void refuseOwnAccount(String username, String what) {
        if (username.equals(Caller.currentUsername())) {
            throw new ApiException(new Problem("about:blank", "Conflict", 409, "You cannot " + ("spærre".equals(what) ? "disable"
                    : "delete") + " your own user.", List.of(new Problem.Error(null, null, null, "OWN_USER",
                            "Du kan ikke " + what + " din egen bruger. Bed en anden administrator om det."))));
        }
    }

    private static String generatedPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
