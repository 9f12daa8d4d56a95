package dk.kk.gevinstspor.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Whether the pages sign in through the municipality's identity provider (OpenID Connect's authorization code flow,
 * {@code GEVINSTSPOR_OIDC=true}; docs/security.md) and the paths of that sign-in. Quarkus' quarkus-oidc runs the flow
 * (application.properties): {@value #SIGN_IN} challenges with the provider and is where it sends the browser back,
 * {@value #SIGN_OUT} ends the session with the provider's (RP-initiated logout).
 */
@ApplicationScoped
public class OpenIdConnect {

    /** Starts the sign-in with the provider and takes its answer (the client's redirect URI). */
    public static final String SIGN_IN = "/login/oidc";
    /** Ends the code flow's session and the provider's; needs the pages' CSRF token (common.web.CrossSiteGuard). */
    public static final String SIGN_OUT = "/logout/oidc";
    /** The cookie of the code flow's session (quarkus-oidc's name; long ones are split into {@code q_session_chunk_…}). */
    public static final String SESSION_COOKIE_PREFIX = "q_session";

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean enabled;

    /** True when the pages sign in through the provider. */
    public boolean enabled() {
        return enabled;
    }

    /** True when the identity came from the provider (a bearer token or the code flow's session), not a database user. */
    public static boolean fromProvider(SecurityIdentity identity) {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken;
    }

    /** True when one of the cookies is (a part of) the code flow's session cookie. */
    public static boolean isSessionCookie(String name) {
        return name.startsWith(SESSION_COOKIE_PREFIX);
    }
}
