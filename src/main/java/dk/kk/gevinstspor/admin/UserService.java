package dk.kk.gevinstspor.admin;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.admin.rest.UserJson;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.security.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.Panache;

/** Users who sign in with a password: creating them, and the first {@code admin} on an empty database. */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.ENTRY, Roles.VIEWER);
    private static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final AdministrationRepository administrations;

    public UserService(UserRepository users, AdministrationRepository administrations) {
        this.users = users;
        this.administrations = administrations;
    }

    @Transactional
    public UserJson.Response create(UserJson.Request request) {
        ValidationErrors errors = new ValidationErrors();
        Set<String> roles = new TreeSet<>(request.roles());
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
        if (request.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add("password", "PASSWORD_TOO_SHORT", "Adgangskoden skal have mindst " + MIN_PASSWORD_LENGTH + " tegn");
        }
        errors.throwIfAny("The user is not valid");
        if (users.findByUsername(request.username()).isPresent()) {
            throw ApiException.conflict("A user named " + request.username() + " exists already.");
        }
        UserEntity user = store(request.username(), request.password(), roles, codes);
        return UserJson.Response.of(user);
    }

    public List<UserJson.Response> list() {
        return users.listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(UserJson.Response::of).toList();
    }

    public Optional<UserEntity> find(String username) {
        return users.findByUsername(username);
    }

    /**
     * On an empty user table: creates {@code admin} with the given password, or a generated one that is written
     * to the log this once. Replicas starting together take turns (advisory lock), so only one admin is made.
     */
    @Transactional
    public void createFirstAdmin(Optional<String> password) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(4711)").getSingleResult();
        if (users.count() > 0) {
            return;
        }
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        String actual = chosen != null ? chosen : generatedPassword();
        store("admin", actual, Set.of(Roles.ADMIN), Set.of());
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
