package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;

/**
 * Page sessions in the database (table {@code app_session}), shared by every replica: a sign-in opens one, and
 * logout, a password change and disabling the user end it at once, everywhere. The cookie carries a random token
 * of 256 bits; the table keeps only its SHA-256. A session lasts at most {@code gevinstspor.session.lifetime} from
 * sign-in and ends after {@code gevinstspor.session.idle-timeout} without a request; its last use is written at
 * most once a minute (so the idle timeout is exact to the minute), and ended sessions are removed at each sign-in.
 */
@Singleton
public class Sessions {

    public static final String COOKIE = "gevinstspor-session";
    /** How often a session's last use is written at most. */
    static final long TOUCH_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The signed-in user of a living session. */
    public record SessionUser(long userId, String username, Set<String> roles, Set<String> administrations,
            boolean mustChangePassword) {
    }

    @Inject
    SessionRepository repository;
    @Inject
    GevinstsporConfig config;

    /** Opens a session for the user (blocking) and gives the token for its cookie. */
    public String open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (!repository.open(hash(token), username, config.session().lifetime().toSeconds(), idleSeconds())) {
            throw new IllegalStateException("No user " + username + " to open a session for");
        }
        return token;
    }

    /** The user of a living session of an enabled user (blocking), or empty; notes the use. */
    public Optional<SessionUser> find(String token) {
        return wellFormed(token) ? repository.find(hash(token), idleSeconds(), TOUCH_SECONDS) : Optional.empty();
    }

    /** Ends one session (logout; blocking). */
    public void close(String token) {
        if (wellFormed(token)) {
            repository.close(hash(token));
        }
    }

    /** The number of living sessions of a user (for the admin page and tests). */
    public int count(long userId) {
        return repository.count(userId, idleSeconds());
    }

    private static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 100;
    }

    private long idleSeconds() {
        return config.session().idleTimeout().toSeconds();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
