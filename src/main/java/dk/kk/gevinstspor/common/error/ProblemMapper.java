package dk.kk.gevinstspor.common.error;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.UnauthorizedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dk.kk.gevinstspor.common.Text;
import dk.kk.gevinstspor.common.json.KeyLimit;
import dk.kk.gevinstspor.common.json.TextDeserializer;
import dk.kk.gevinstspor.common.security.LoginThrottled;
import dk.kk.gevinstspor.common.security.OpenIdConnect;

/**
 * The one place where errors become {@code application/problem+json} responses with the status codes of
 * API.md: 400 unreadable, 404, 405, 409 conflict, 413, 415, 422 invalid, 503 database unavailable.
 */
public class ProblemMapper {

    @Inject
    CurrentIdentityAssociation identities;

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    OpenIdConnect oidc;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Server error", e);
        }

        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), withoutJavaNames(e.getMessage(), status)));
    }

    /**
     * No resource for the path: the Danish 404 page with the menu for a page, problem+json for the API. The menu needs
     * the caller, which lazy authentication has not resolved yet on the IO thread where this is mapped, so the page is
     * rendered once the identity is known.
     */
    @ServerExceptionMapper
    public Uni<Response> notFound(NotFoundException e, UriInfo uri) {
        if (!isPage(uri)) {
            return Uni.createFrom().item(webApplication(e, uri));
        }
        String message = "Der er ingen side på adressen " + abbreviate(uri.getPath()) + ".";
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            if (identity != null) {
                identities.setIdentity(identity); // resolved: the page's menu reads it without blocking
            }
            return dk.kk.gevinstspor.common.web.ErrorPages.notFound(message);
        });
    }

    /**
     * The framework's own text (e.g. "HTTP 404 Not Found", or a failed conversion naming its Java type) only when it
     * names no Java class or package; else the status's reason. Errors never show the service's insides.
     */
    static String withoutJavaNames(String message, Response.StatusType status) {
        if (message == null || JAVA_NAME.matcher(message).find()) {
            return "HTTP " + status.getStatusCode() + " " + status.getReasonPhrase();
        }
        return abbreviate(message);
    }

    /** A qualified Java name ({@code java.lang.Integer}), an exception's name, or a class named as such. */
    static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
            "\\b(java|javax|jakarta|com|org|io|dk|sun)\\.[a-z]+\\.|[A-Za-z]*Exception\\b|\\bclass [a-z]|`[a-z]+\\.[a-z]+");

    /** Malformed JSON, a wrong type, an unknown field or enum value: 400 with the field's path. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        if (cause(e, KeyLimit.TooManyKeys.class) != null) {
            return problem(new Problem("about:blank", "Content Too Large", 413,
                    "The body has more than " + KeyLimit.MAX_KEYS + " keys in its maps; it was not read further.",
                    List.of(new Problem.Error(field, null, null, "TOO_MANY_KEYS",
                            "Indholdet har flere end " + KeyLimit.MAX_KEYS + " nøgler (fx nøgletal); det er ikke læst videre"))));
        }
        String code;
        String message;
        StreamReadException unreadable = cause(e, StreamReadException.class);
        if (cause(e, StreamConstraintsException.class) != null) {
            code = "TOO_LONG";
            message = "En værdi er for lang eller for dybt indlejret (tal højst 40 cifre, tekst højst 1.000.000 tegn)";
        } else if (unreadable != null && unreadable.getOriginalMessage() != null && unreadable.getOriginalMessage().startsWith("Invalid UTF-8")) {
            code = "INVALID_ENCODING";
            message = "Indholdet er ikke gyldig UTF-8";
        } else if (unreadable != null) {
            code = "MALFORMED_JSON";
            message = "Ugyldig JSON";
        } else if (e instanceof TextDeserializer.InvalidText) {
            code = "INVALID_CHARACTER";
            message = Text.INVALID_CHARACTER_MESSAGE;
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            code = "UNKNOWN_FIELD";
            message = "Ukendt felt: " + unknown.getPropertyName();
        } else if (e instanceof InvalidFormatException format) {
            code = "WRONG_TYPE";
            message = "Værdien " + abbreviate(String.valueOf(format.getValue())) + " har ikke den rigtige type"
                    + (format.getTargetType() != null && format.getTargetType().isEnum()
                            ? "; gyldige værdier: " + List.of(format.getTargetType().getEnumConstants())
                            : "");
        } else if (e instanceof DatabindException) {
            code = "WRONG_TYPE";
            message = "Værdien har ikke den rigtige type";
        } else {
            code = "MALFORMED_JSON";
            message = "Ugyldig JSON";
        }
        // Jackson's own text names Java types and settings (`java.lang.Integer`, the record's class): the log keeps it
        LOG.debugf("Unreadable body: %s", e.getOriginalMessage());
        return problem(new Problem("about:blank", "Bad Request", 400,
                "The request body could not be read" + (field == null ? "" : " at " + field) + " (" + code + ").",
                List.of(new Problem.Error(field, null, null, code, message))));
    }

    /**
     * A body the server could not read as sent (a multipart upload cut off or without its end): the client's, so 400,
     * never 500 with the reader's exception.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        LOG.debugf("Unreadable request body: %s", e);
        return problem(new Problem("about:blank", "Bad Request", 400, "The request body could not be read.",
                List.of(new Problem.Error(null, null, null, "UNREADABLE_BODY",
                        "Indholdet kunne ikke læses (fx en upload, der blev afbrudt); send det igen"))));
    }

    /**
     * The parser's own error (malformed JSON, bytes that are not UTF-8, a value over the limits) behind a mapping
     * error, if that is the cause.
     */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        return causes(e).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * The exception, its causes, and what they carry as suppressed (a commit the database cut off: the transaction
     * manager's RollbackException carries the driver's exception only so).
     */
    private static Stream<Throwable> causes(Throwable e) {
        Stream.Builder<Throwable> all = Stream.builder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t) {
                    causes(suppressed).forEach(all::add);
                }
            }
        }
        return all.build();
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }

    /**
     * Too many sign-ins in a row without the right password for this user name from this address
     * ({@code common.security.LoginThrottle}): 429 with {@code Retry-After}, problem+json for the API, a Danish page
     * otherwise (the login form).
     */
    private static Response throttled(long seconds, UriInfo uri) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        String message = "For mange forsøg på at logge ind med forkert adgangskode. Prøv igen om "
                + (minutes == 1 ? "1 minut" : minutes + " minutter") + ".";
        Response.ResponseBuilder answer;
        if (uri.getPath().startsWith("/api")) {
            answer = Response.status(429).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Too Many Requests", 429,
                    "Too many failed sign-ins for this user name; try again in " + seconds + " seconds.",
                    List.of(new Problem.Error(null, null, null, "TOO_MANY_LOGIN_ATTEMPTS", message))));
        } else {
            answer = Response.fromResponse(dk.kk.gevinstspor.common.web.ErrorPages.pageWithoutMenu(429, "For mange forsøg", message));
        }
        return answer.header("Retry-After", Long.toString(seconds)).build();
    }

    /** Not signed in, or wrong credentials: 401 with the Basic challenge for the API, the login page for pages. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        var throttled = LoginThrottled.retryAfter(e);
        if (throttled.isPresent()) {
            return throttled(throttled.getAsLong(), uri);
        }
        if (uri.getPath().equals("/j_security_check")) {
            return Response.seeOther(URI.create("/login?fejl=1")).build();
        }
        if (!uri.getPath().startsWith("/api")) {
            return Response.seeOther(URI.create(signIn(uri))).build();
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Basic realm=\"Gevinstspor\"")
                .entity(Problem.of(401, "Unauthorized", "Sign in: HTTP Basic with your Gevinstspor user name and password."))
                .build();
    }

    /**
     * Where a page leads an anonymous visitor: the login page (which returns to the page asked for afterwards,
     * {@code common.web.LoginReturn}), or with OpenID Connect on the provider's sign-in, which comes back there too.
     */
    private String signIn(UriInfo uri) {
        String page = uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        if (!oidc.enabled() || uri.getPath().startsWith("/login")) {
            return dk.kk.gevinstspor.common.web.LoginReturn.loginPath(page); // the login form returns there afterwards
        }
        return OpenIdConnect.SIGN_IN + "?side=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (!uri.getPath().startsWith("/api")) {
            return dk.kk.gevinstspor.common.web.ErrorPages.forbidden("Din rolle giver ikke adgang til denne side.");
        }
        return problem(Problem.of(403, "Forbidden", "Your role does not allow this."));
    }

    /** Jackson's own mapper for these answers an empty 400; ours names the field. */
    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response mismatched(JsonProcessingException e) {
        return unreadable(e);
    }

    /** Bean Validation: 422 with one error per violated constraint. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Error> errors = e.getConstraintViolations().stream()
                .map(ProblemMapper::error)
                .sorted(java.util.Comparator.comparing(Problem.Error::field, java.util.Comparator.nullsFirst(String::compareTo)))
                .toList();
        return problem(new Problem("about:blank", "Unprocessable Content", 422, "The request is not valid", errors));
    }

    /** Someone else changed the row between our read and our write. */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e) {
        return problem(Problem.of(409, "Conflict", "The object was changed by someone else; read it again and repeat your change."));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        // a unique key taken between our read and our write (two replicas at once): Hibernate throws the
        // violation itself at flush, or wrapped at commit
        Throwable violation = e instanceof org.hibernate.exception.ConstraintViolationException ? e : e.getCause();
        if (violation instanceof org.hibernate.exception.ConstraintViolationException unique && "23505".equals(unique.getSQLState())) {
            return problem(Problem.of(409, "Conflict", "The object exists already."));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Response answer = unexpected(e);
        if (answer.getStatus() == 500 && isPage(uri)) {
            String message = "Siden kunne ikke vises på grund af en uventet fejl. Fejlen er skrevet i loggen. Prøv igen om lidt.";
            try {
                return dk.kk.gevinstspor.common.web.ErrorPages.page(500, "Der skete en fejl", message);
            } catch (RuntimeException menuFailed) { // the menu asks who is signed in; never let that hide the error
                return dk.kk.gevinstspor.common.web.ErrorPages.pageWithoutMenu(500, "Der skete en fejl", message);
            }
        }
        return answer;
    }

    /** A page (not the API, not Quarkus' own {@code /q/…}): its errors are Danish pages with the menu. */
    private static boolean isPage(UriInfo uri) {
        String path = uri.getPath();
        return !path.startsWith("/api") && !path.startsWith("/q/") && !path.equals("/q");
    }

    Response unexpected(RuntimeException e) {
        if (databaseUnavailable(e)) {
            return unavailable(e);
        }
        if (textTheDatabaseRefused(e)) {
            return problem(new Problem("about:blank", "Bad Request", 400, "The request holds text the database cannot store; nothing was changed.",
                    List.of(new Problem.Error(null, null, null, "INVALID_CHARACTER", Text.INVALID_CHARACTER_MESSAGE))));
        }
        LOG.error("Unexpected error", e);
        return problem(Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
    }

    private Response unavailable(Throwable e) {
        LOG.warnf("Database unavailable: %s", e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", "The database is not available; nothing was changed. Try again shortly."))
                .build();
    }

    /**
     * The last line behind {@link Text}'s checks: PostgreSQL refused a character (22021, e.g. NUL; 22P05); the
     * transaction has rolled back.
     */
    static boolean textTheDatabaseRefused(Throwable e) {
        return causes(e).map(ProblemMapper::sqlState).anyMatch(state -> state.equals("22021") || state.equals("22P05"));
    }

    /**
     * The database cannot be reached or is going away: no connection (08…, the pool's acquisition timeout), the
     * server shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, as
     * when PostgreSQL is stopped under a running statement), or no connection slot free (53300).
     */
    public static boolean databaseUnavailable(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof JDBCConnectionException || t instanceof java.sql.SQLTransientConnectionException
                || sqlState(t).startsWith("08") || sqlState(t).startsWith("57P") || sqlState(t).equals("53300"));
    }

    private static Problem.Error error(ConstraintViolation<?> violation) {
        String field = fieldOf(violation.getPropertyPath().toString());
        String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.Error(field, null, null, code, violation.getMessage());
    }

    /** "create.request.plan[0].year" → "plan[0].year": the method and parameter names are not the client's. */
    static String fieldOf(String path) {
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3) {
            return parts[2];
        }
        return parts.length == 2 ? null : path;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
