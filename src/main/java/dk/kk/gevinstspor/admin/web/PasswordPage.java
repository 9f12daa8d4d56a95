package dk.kk.gevinstspor.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.security.AccountRules;
import dk.kk.gevinstspor.admin.UserService;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.SessionAuthentication;
import dk.kk.gevinstspor.common.security.Sessions;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.common.web.LoginPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /adgangskode}: every signed-in database user changes its own password here (the current one, the new one
 * twice), and one whose password an admin reset is led here first ({@code PasswordChangeRequired}). A change ends
 * every session of the user, and this browser gets a new one.
 */
@Path(LoginPage.PASSWORD_PAGE)
@Authenticated
public class PasswordPage {

    /** An error in the summary, linking to its field ({@code current}, {@code password}, {@code repeated}) if it has one. */
    public record FieldError(String field, String message) {
    }

    /** What the page shows: whether the change is required, saved, the errors (summary and by field), the lengths. */
    public record Form(boolean required, boolean saved, List<FieldError> summary, Map<String, String> errors, int min, int max) {

        static Form of(boolean required, boolean saved, List<FieldError> summary) {
            Map<String, String> byField = new LinkedHashMap<>();
            summary.stream().filter(e -> e.field() != null).forEach(e -> byField.putIfAbsent(e.field(), e.message()));
            return new Form(required, saved, summary, byField, AccountRules.MIN_PASSWORD, AccountRules.MAX_PASSWORD);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance change(Form form);
    }

    @Inject
    UserService users;
    @Inject
    Csrf csrf;
    @Inject
    Sessions sessions;
    @Inject
    SecurityIdentity identity;
    @Inject
    RoutingContext routing;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("gemt") String saved) {
        boolean required = Caller.mustChangePassword(identity);
        return FormInput.html(200, Templates.change(Form.of(required, saved != null && !required, List.of())));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response change(@FormParam(Csrf.FIELD) String token, @FormParam("current") String current,
            @FormParam("password") String password, @FormParam("repeated") String repeated) {
        csrf.verify(token);
        String username = identity.getPrincipal().getName();
        if (users.find(username).isEmpty()) {
            return FormInput.html(409, Templates.change(Form.of(false, false, List.of(new FieldError(null,
                    "Din bruger findes ikke i Gevinstspor: din adgangskode styres et andet sted.")))));
        }
        try {
            users.changeOwnPassword(username, current, password, repeated);
        } catch (ApiException e) {
            List<Problem.Error> errors = e.problem().errors() == null ? List.of() : e.problem().errors();
            return FormInput.html(422, Templates.change(Form.of(Caller.mustChangePassword(identity), false,
                    errors.stream().map(x -> new FieldError(x.field(), x.message())).toList())));
        }
        Response.ResponseBuilder answer = Response.status(303).header("Location", LoginPage.PASSWORD_PAGE + "?gemt=1");
        if (identity.getAttribute(SessionAuthentication.SESSION) != null) {
            answer.cookie(LoginPage.sessionCookie(sessions.open(username), false, routing.request().isSSL()));
        }
        return answer.build();
    }
}
