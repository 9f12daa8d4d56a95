package dk.kk.gevinstspor.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Where a sign-in returns to: the page that asked for it ({@code /login?til=/indberetning%3Faar%3D2029}). Only a path
 * of this site is followed — it starts with one {@code /}, has no scheme or host, no backslash, no control character
 * or space, at most {@value #MAX_LENGTH} characters — so the login form never sends anyone to another site (no open
 * redirect: {@code //evil.example}, {@code /\evil.example}, {@code http://…} lead to the start
 * page). The login and logout paths themselves lead to the start page too.
 */
public final class LoginReturn {

    /** The query parameter of the login page and the hidden field of its form. */
    public static final String PARAMETER = "til";
    static final int MAX_LENGTH = 2000;
    private static final Set<String> NOT_A_RETURN = Set.of("/login", "/logout", "/j_security_check");

    private LoginReturn() {
    }

    /** The target if it is a path of this site worth returning to, else empty. */
    public static Optional<String> safe(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH || target.charAt(0) != '/') {
            return Optional.empty();
        }
        if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        int end = target.indexOf('?');
        String path = end < 0 ? target : target.substring(0, end);
        if (NOT_A_RETURN.contains(path)) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Where to go after signing in: the safe target, else the start page. */
    public static String after(String target) {
        return safe(target).orElse("/");
    }

    /** The login page that returns to {@code target} (a path with its query) afterwards; plain {@code /login} for the start page. */
    public static String loginPath(String target) {
        return safe(target).filter(t -> !t.equals("/"))
                .map(t -> "/login?" + PARAMETER + "=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("/login");
    }
}
