package dk.kk.gevinstspor.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

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
 * and password from the same address running at once are made once (single flight: their requests share the result),
 * so a client sending many requests in parallel costs one attempt and one bcrypt, not one per request.
 * <p>
 * A remembered check older than {@link #REFRESH_AFTER} is checked again in the background by the first request that
 * uses it (that request and the ones after it are answered from the cache meanwhile), so a client that keeps sending
 * requests never meets the minute's end: no request waits for bcrypt, and no burst of requests queues behind one
 * check every minute. The refresh is a check like any other (counted, and cleared when verified); if the password is no
 * longer right the remembered check is dropped. Both caches are Caffeine's (bounded, expiring by themselves); Caffeine's
 * own refreshAfterWrite cannot be used, as a refresh needs the password, which the cache must not hold.
 * <p>
 * A password change, a reset and disabling the user count at once everywhere: the identity carries when its password
 * was checked ({@link #CHECKED_AT}), which {@link AdministrationsAugmentor} compares with the user's. A password longer
 * than bcrypt reads (72 bytes) is refused without a check: bcrypt would compare its first 72 bytes only.
 */
@ApplicationScoped
public class PasswordCheckCache implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration TTL = Duration.ofMinutes(1);
    /** A remembered check this old is checked again in the background by the next request that uses it. */
    static final Duration REFRESH_AFTER = Duration.ofSeconds(45);
    /** Identity attribute: when the password was checked against the database ({@link AdministrationsAugmentor}). */
    static final String CHECKED_AT = "gevinstspor.passwordCheckedAt";
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = Logger.getLogger(PasswordCheckCache.class);

    /** A verified check: its identity and when it was made (on {@link #ticker}). */
    private record Remembered(SecurityIdentity identity, long checkedAt) {
    }

    @Inject
    @Any
    Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers;
    @Inject
    LoginThrottle throttle;
    @Inject
    ClientAddress clientAddress;
    /** Added to the system ticker: lets a test move the caches' time on ({@link #passTime}). */
    private final AtomicLong shift = new AtomicLong();
    private final Ticker ticker = () -> System.nanoTime() + shift.get();
    /** Password checks made (bcrypt runs), for tests and the log. */
    private final AtomicLong checks = new AtomicLong();
    /** Verified checks by key, expiring {@link #TTL} after they were made. */
    private final Cache<String, Remembered> remembered = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL).build();
    /**
     * Checks running now, by key and client address: requests with the same name and password from the same address
     * share one (the throttle's answer is that address's). Caffeine drops a failed one by itself, {@link #check} a
     * finished one.
     */
    private final AsyncCache<String, SecurityIdentity> running = Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_ENTRIES)
            .buildAsync();
    /**
     * Attempts (address and user name) for which this replica counted an attempt since their last verified sign-in,
     * so that a remembered check clears them too; without a count it costs nothing. Bounded: when full it is emptied,
     * and a remembered check then clears no count (stricter, never laxer).
     */
    private final Set<Attempt> countedHere = ConcurrentHashMap.newKeySet();
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
        Attempt attempt = attempt(request);
        Remembered hit = remembered.getIfPresent(key);
        if (hit != null) {
            if (ticker.read() - hit.checkedAt() >= REFRESH_AFTER.toNanos()) {
                check(key, attempt, request, context); // in the background: this request is answered from the cache
            }
            // a verified sign-in too: it clears a count this replica made since (wrong passwords between right ones)
            if (!countedHere.isEmpty() && countedHere.remove(attempt)) {
                return blocking(() -> {
                    throttle.verified(attempt.address(), attempt.user());
                    return null;
                }, null).replaceWith(hit.identity());
            }
            return Uni.createFrom().item(hit.identity());
        }
        if (!AccountRules.fitsBcrypt(new String(request.getPassword().getPassword()))) {
            // bcrypt would check only the first 72 bytes: no stored password is longer (AccountRules)
            return Uni.createFrom().failure(new AuthenticationFailedException("Password longer than bcrypt reads"));
        }
        CompletableFuture<SecurityIdentity> shared = check(key, attempt, request, context);
        Context here = Vertx.currentContext();
        // a copy: a request that goes away cancels its copy, not the check the others wait for
        return Uni.createFrom().completionStage(shared::copy)
                .emitOn(command -> {
                    if (here == null) {
                        command.run();
                    } else {
                        here.runOnContext(v -> command.run());
                    }
                })
                .onFailure().transform(f -> f instanceof CompletionException && f.getCause() != null ? f.getCause() : f);
    }

    /**
     * The check of this name and password from this address: the one running, or a new one. It runs to its end even
     * if the request that started it goes away; when verified it is remembered.
     */
    private CompletableFuture<SecurityIdentity> check(String key, Attempt attempt, UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String flight = key + "|" + attempt.address();
        CompletableFuture<SecurityIdentity> shared = running.get(flight,
                (k, executor) -> checked(key, attempt, request, context).subscribeAsCompletionStage());
        // outside the cache's computation (a finished check is removed at once); a failed one Caffeine removes itself
        shared.whenComplete((identity, failure) -> running.asMap().remove(flight, shared));
        return shared;
    }

    /** Counts the attempt (refused while a block runs), checks the password, and clears the count when it is right. */
    private Uni<SecurityIdentity> checked(String key, Attempt counted, UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
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
            long checkedOnTicker = ticker.read();
            checks.incrementAndGet();
            return passwords.authenticate(request, context)
                    .map(identity -> identity == null ? null : (SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(CHECKED_AT, checkedAt).build())
                    .call(identity -> identity == null ? Uni.createFrom().voidItem() : blocking(() -> {
                        countedHere.remove(counted);
                        throttle.verified(address, user);
                        return null;
                    }, null))
                    .invoke(identity -> {
                        if (identity != null) {
                            remembered.put(key, new Remembered(identity, checkedOnTicker));
                        }
                    })
                    .onFailure(AuthenticationFailedException.class).invoke(() -> remembered.invalidate(key))
                    .onFailure().call(() -> blocking(() -> {
                        throttle.failed();
                        return null;
                    }, null));
        });
    }

    /** Password checks made so far (bcrypt runs). */
    long checks() {
        return checks.get();
    }

    /** Whether a check is running (in the background too). */
    boolean checking() {
        return !running.asMap().isEmpty();
    }

    /** For tests: moves the caches' clock on, as if {@code time} had passed. */
    void passTime(Duration time) {
        shift.addAndGet(time.toNanos());
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
