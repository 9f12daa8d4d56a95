package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import dk.kk.gevinstspor.admin.AccountRules;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Remembers a successful password check for one minute. A bcrypt check costs about 80 ms of CPU on purpose; an
 * API client sends its password (HTTP Basic) with every request, so without this every call would cost that.
 * The key is a SHA-256 of user name and password with a random secret of this process, so the cache holds no
 * password; failures are never remembered (and are throttled by {@link LoginThrottle}). A changed password or
 * role takes effect within the minute on this replica; a password change, a reset and disabling the user count at
 * once everywhere ({@link AdministrationsAugmentor} compares the check's time with the user's). A password longer
 * than bcrypt reads (72 bytes) is refused without a check: bcrypt would compare its first 72 bytes only.
 */
@ApplicationScoped
public class PasswordCheckCache implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(1);
    /** Identity attribute: when the password was checked against the database ({@link AdministrationsAugmentor}). */
    static final String CHECKED_AT = "gevinstspor.passwordCheckedAt";
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, long expiresAt) {
    }

    private final Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final byte[] secret = new byte[32];
    private IdentityProvider<UsernamePasswordAuthenticationRequest> passwords;

    public PasswordCheckCache(@Any Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers) {
        this.providers = providers;
    }

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(secret);
        for (IdentityProvider<UsernamePasswordAuthenticationRequest> p : providers) {
            if (!(p instanceof PasswordCheckCache)) {
                passwords = p;
                return;
            }
        }
        throw new IllegalStateException("No identity provider checks passwords");
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the database's provider, which it asks on a miss. */
    @Override
    public int priority() {
        return passwords == null ? SYSTEM_FIRST : passwords.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = key(request);
        long now = System.nanoTime();
        Entry entry = cache.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return Uni.createFrom().item(entry.identity());
        }
        if (!AccountRules.fitsBcrypt(new String(request.getPassword().getPassword()))) {
            // bcrypt would check only the first 72 bytes: no stored password is longer (AccountRules)
            return Uni.createFrom().failure(new AuthenticationFailedException("Password longer than bcrypt reads"));
        }
        Instant checkedAt = Instant.now();
        return passwords.authenticate(request, context).map(identity -> identity == null ? null : (SecurityIdentity)
                QuarkusSecurityIdentity.builder(identity).addAttribute(CHECKED_AT, checkedAt).build()).invoke(identity -> {
            if (identity != null) {
                if (cache.size() >= MAX_ENTRIES) {
                    cache.entrySet().removeIf(e -> now - e.getValue().expiresAt() >= 0);
                    if (cache.size() >= MAX_ENTRIES) {
                        cache.clear();
                    }
                }
                cache.put(key, new Entry(identity, now + TTL.toNanos()));
            }
        });
    }

    private String key(UsernamePasswordAuthenticationRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(secret);
            digest.update(request.getUsername().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
