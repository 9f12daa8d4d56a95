package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Every check of a user name and password (HTTP Basic and the login form) goes through here. Remembers a successful
 * password check for one minute: a bcrypt check costs about 80 ms of CPU on purpose; an API client sends its password
 * (HTTP Basic) with every request, so without this every call would cost that. The key is a SHA-256 of user name and
 * password with a random secret of this process, so the cache holds no password; failures are never remembered. A
 * changed password or role takes effect within the minute.
 * <p>
 * A password that must be checked is first counted by {@link LoginThrottle} for the client's address and the user name
 * (refused ({@link LoginThrottled}) while a block runs); a verified one clears that count. Checks of the same name
 * and password running at once are made once (their requests share the result), so a client sending many requests in
 * parallel when its remembered check expires costs one attempt, not one per request.
 * <p>
 * A password change, a reset and disabling the user count at once everywhere: the identity carries when its password
 * was checked ({@link #CHECKED_AT}), which {@link AdministrationsAugmentor} compares with the user's. A password longer
 * than bcrypt reads (72 bytes) is refused without a check: bcrypt would compare its first 72 bytes only.
 */
@ApplicationScoped
public class PasswordCheckCache implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(1);
    /** Identity attribute: when the password was checked against the database ({@link AdministrationsAugmentor}). */
    static final String CHECKED_AT = "gevinstspor.passwordCheckedAt";
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = Logger.getLogger(PasswordCheckCache.class);

    private record Entry(SecurityIdentity identity, long expiresAt) {
    }

    @Inject
    @Any
    Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    /**
     * Checks running now, by cache key and client address: requests with the same name and password from the same
     * address wait for the first one's result.
     */
    private final Map<String, CompletableFuture<SecurityIdentity>> running = new ConcurrentHashMap<>();
    /**
     * Attempts (address and user name) for which this replica counted an attempt since their last verified sign-in,
     * so that a remembered check clears them too; without a count it costs nothing. Bounded: when full it is emptied,
     * and a remembered check then clears no count (stricter, never laxer).
     */
    private final Set<Attempt> countedHere = ConcurrentHashMap.newKeySet();
    @Inject
    LoginThrottle throttle;
    @Inject
    ClientAddress clientAddress;
    private final byte[] secret = new byte[32];
    private IdentityProvider<UsernamePasswordAuthenticationRequest> passwords;

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
        Entry entry = cache.get(key);
        if (entry != null && System.nanoTime() - entry.expiresAt() < 0) {
            // a verified sign-in too: it clears a count this replica made since (wrong passwords between right ones)
            Attempt counted = attempt(request);
            if (!countedHere.isEmpty() && countedHere.remove(counted)) {
                return blocking(() -> {
                    throttle.verified(counted.address(), counted.user());
                    return null;
                }, null).replaceWith(entry.identity());
            }
            return Uni.createFrom().item(entry.identity());
        }
        if (!AccountRules.fitsBcrypt(new String(request.getPassword().getPassword()))) {
            // bcrypt would check only the first 72 bytes: no stored password is longer (AccountRules)
            return Uni.createFrom().failure(new AuthenticationFailedException("Password longer than bcrypt reads"));
        }
        // shared only by requests of one client address: the throttle's answer is that address's
        String check = key + "|" + attempt(request).address();
        CompletableFuture<SecurityIdentity> mine = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> first = running.putIfAbsent(check, mine);
        if (first != null) {
            return joined(first, request, context);
        }
        return checked(request, context).onTermination().invoke((identity, failure, cancelled) -> {
            running.remove(check, mine);
            if (identity != null) {
                remember(key, identity);
                mine.complete(identity);
            } else {
                mine.completeExceptionally(failure != null ? failure : new CheckNotFinished());
            }
        });
    }

    /** The result of the same check running for another request, delivered on this request's context. */
    private Uni<SecurityIdentity> joined(CompletableFuture<SecurityIdentity> first, UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        Context here = Vertx.currentContext();
        return Uni.createFrom().completionStage(first)
                .emitOn(command -> {
                    if (here == null) {
                        command.run();
                    } else {
                        here.runOnContext(v -> command.run());
                    }
                })
                .onFailure().transform(f -> f instanceof CompletionException && f.getCause() != null ? f.getCause() : f)
                // the first request went away before its check ended: check this one by itself
                .onFailure(CheckNotFinished.class).recoverWithUni(() -> authenticate(request, context));
    }

    /** Counts the attempt (refused while a block runs), checks the password, and clears the count when it is right. */
    private Uni<SecurityIdentity> checked(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        Attempt counted = attempt(request);
        String address = counted.address();
        String user = counted.user();
        return blocking(() -> throttle.attempt(address, user), 0L).chain(blockedSeconds -> {
            if (blockedSeconds > 0) {
                return Uni.createFrom().failure(LoginThrottled.exception(blockedSeconds));
            }
            if (countedHere.size() >= MAX_ENTRIES) {
                countedHere.clear();
            }
            countedHere.add(counted);
            Instant checkedAt = Instant.now();
            return passwords.authenticate(request, context)
                    .map(identity -> identity == null ? null : (SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(CHECKED_AT, checkedAt).build())
                    .call(identity -> identity == null ? Uni.createFrom().voidItem() : blocking(() -> {
                        countedHere.remove(counted);
                        throttle.verified(address, user);
                        return null;
                    }, null))
                    .onFailure().call(() -> blocking(() -> {
                        throttle.failed();
                        return null;
                    }, null));
        });
    }

    /**
     * Runs a step of the throttle on a worker thread (it talks to the database). If the database fails, the step is
     * skipped with a warning and {@code otherwise} is used: the password check needs the database too and fails the same
     * way (503), so nothing is let in unchecked.
     */
    private static <T> Uni<T> blocking(Callable<T> step, T otherwise) {
        return Uni.createFrom().item(() -> {
            try {
                return step.call();
            } catch (Exception e) {
                LOG.warnf("Login throttle not consulted: %s", e.getMessage());
                return otherwise;
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** What the throttle counts by: the client's address and the user name. */
    private record Attempt(String address, String user) {
    }

    private Attempt attempt(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return new Attempt(rc == null ? "(internal)" : clientAddress.of(rc), request.getUsername());
    }

    private void remember(String key, SecurityIdentity identity) {
        long now = System.nanoTime();
        if (cache.size() >= MAX_ENTRIES) {
            cache.entrySet().removeIf(e -> now - e.getValue().expiresAt() >= 0);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(identity, now + TTL.toNanos()));
    }

    /** The check that another request was waiting for did not end (its request went away). */
    private static final class CheckNotFinished extends RuntimeException {
        CheckNotFinished() {
            super(null, null, false, false);
        }
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
