package dk.kk.gevinstspor.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs a request in by its session cookie ({@value Sessions#COOKIE}), looked up in the database on every request
 * ({@link Sessions}): a session that logout, a password change or disabling the user has ended, or that has run
 * out, signs nobody in (the request is anonymous: pages lead to the login page, the API answers 401). The user's
 * roles and administrations are read with the session, so a change of them counts at once too. HTTP Basic comes
 * first when a request carries both.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    /** Identity attribute: the session's token (its presence means the identity came from a session). */
    public static final String SESSION = "gevinstspor.session";

    /** A session cookie to check. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        private final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Sessions.COOKIE));
    }

    /** After HTTP Basic (priority 2000 by default). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY;
    }

    /** Turns a living session into the identity of its user, with roles and administrations as stored now. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<SessionRequest> {

        private final Sessions sessions;

        public Provider(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.find(request.token).map(user -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username()))
                    .addRoles(user.roles())
                    .addAttribute(SESSION, request.token)
                    .addAttribute(Caller.ADMINISTRATIONS, user.administrations())
                    .addAttribute(Caller.MUST_CHANGE_PASSWORD, user.mustChangePassword())
                    .build())
                    .orElseThrow(() -> new AuthenticationFailedException("No living session")));
        }
    }
}
