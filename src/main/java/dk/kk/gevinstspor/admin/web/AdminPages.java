package dk.kk.gevinstspor.admin.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.admin.ReferenceData;
import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.admin.UserService;
import dk.kk.gevinstspor.admin.SettingsJson;
import dk.kk.gevinstspor.admin.UserJson;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.domain.Frame;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admins' settings pages: the innovation pool's frame limits ({@code /admin/rammer}) and the users
 * ({@code /admin/brugere}), with {@code /admin} linking them, the price index ({@link PriceIndexPage}) and the
 * decisions. Every check is the services' ({@link SettingsService}, {@link UserService}).
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    public record Option(String value, String name, boolean selected) {
    }

    /** One frame's input: its code, Danish name and the amount as typed. */
    public record FrameField(String code, String name, String amount) {
    }

    public record UserForm(String username, List<Option> roles, List<Option> administrations) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance frames(int year, List<Option> years, List<FrameField> frames, List<String> messages, boolean saved);

        static native TemplateInstance users(List<UserJson.Response> users, UserForm form, List<String> messages, String saved);

        static native TemplateInstance user(UserJson.Response user, List<UserError> errors, String done);
    }

    @Inject
    SettingsService settings;
    @Inject
    UserService users;
    @Inject
    ReferenceData referenceData;
    @Inject
    Csrf csrf;
    @Inject
    Today today;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance index() {
        return Templates.index();
    }

    // ---- frame limits ----------------------------------------------------------------------------------

    @GET
    @Path("/rammer")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response frames(@QueryParam("aar") String yearText, @QueryParam("gemt") String saved) {
        Integer parsed = FormInput.year(yearText);
        int year = parsed == null ? today.year() : parsed;
        List<FrameField> fields = new ArrayList<>();
        settings.frameLimitsMap(year).forEach((code, amount) -> fields.add(new FrameField(code, Labels.frame(code),
                DanishNumbers.kroner(amount))));
        return FormInput.html(200, Templates.frames(year, years(year), fields, List.of(), saved != null));
    }

    @POST
    @Path("/rammer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response saveFrames(MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        Integer year = FormInput.year(FormInput.text(input, "year"));
        if (year == null) {
            return FormInput.html(422, Templates.frames(today.year(), years(today.year()), List.of(),
                    List.of("Vælg et vedtagelsesår."), false));
        }
        List<String> messages = new ArrayList<>();
        List<FrameField> fields = new ArrayList<>();
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        for (Frame frame : Frame.values()) {
            String typed = FormInput.text(input, frame.name());
            fields.add(new FrameField(frame.name(), Labels.frame(frame.name()), typed));
            BigDecimal amount = DanishNumbers.parse(typed);
            if (amount == null) {
                messages.add(Labels.frame(frame.name()) + ": skriv et beløb i kroner, fx 25.000.000.");
            } else {
                limits.put(frame.name(), amount);
            }
        }
        if (messages.isEmpty()) {
            try {
                settings.putFrameLimits(year, limits);
                return Response.seeOther(URI.create("/admin/rammer?aar=" + year + "&gemt=ja")).build();
            } catch (ApiException e) {
                messages.addAll(FormInput.messages(e.problem()));
            }
        }
        return FormInput.html(422, Templates.frames(year, years(year), fields, messages, false));
    }

    private List<Option> years(int chosen) {
        List<Option> years = new ArrayList<>();
        for (int y = today.year() + 2; y >= today.year() - 8; y--) {
            years.add(new Option(Integer.toString(y), Integer.toString(y), y == chosen));
        }
        return years;
    }

    // ---- users -----------------------------------------------------------------------------------------

    @GET
    @Path("/brugere")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response users(@QueryParam("gemt") String saved, @QueryParam("slettet") String deleted) {
        String notice = saved != null && !saved.isBlank() ? "Brugeren " + saved + " er oprettet."
                : deleted != null && !deleted.isBlank() ? "Brugeren " + deleted + " er slettet." : null;
        return FormInput.html(200, Templates.users(users.list(), userForm("", null, List.of()), List.of(), notice));
    }

    @POST
    @Path("/brugere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response createUser(MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        String username = FormInput.text(input, "username").strip();
        String role = FormInput.text(input, "role");
        List<String> chosen = input.get("administrations") == null ? List.of() : input.get("administrations");
        UserForm form = userForm(username, role, chosen);
        try {
            users.create(new UserJson.Request(username, FormInput.text(input, "password"), role.isBlank() ? List.of() : List.of(role), chosen));
            return Response.status(303).header("Location", "/admin/brugere?gemt=" + urlEncode(username)).build();
        } catch (ApiException e) {
            List<String> messages = e.problem().status() == 409 ? List.of("Der findes allerede en bruger med navnet " + username + ".")
                    : FormInput.messages(e.problem());
            return FormInput.html(e.problem().status(), Templates.users(users.list(), form, messages, null));
        }
    }

    /** A user's page: its facts and what an admin may do: disable or enable, reset the password, delete. */
    @GET
    @Path("/brugere/{username}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response user(@PathParam("username") String username, @QueryParam("udfoert") String done) {
        UserJson.Response user = users.get(username);
        return FormInput.html(200, Templates.user(user, List.of(), DONE.get(done == null ? "" : done)));
    }

    @POST
    @Path("/brugere/{username}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response userStatus(@PathParam("username") String username, MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        String enabled = FormInput.text(input, "enabled");
        Long version = FormInput.number(FormInput.text(input, "version"));
        if (!enabled.equals("true") && !enabled.equals("false") || version == null) {
            return userRefused(username, 400, List.of(new UserError(null, "Formularen mangler felter. Genindlæs siden og prøv igen.")));
        }
        return userAction(username, () -> users.setEnabled(username, Boolean.parseBoolean(enabled), version),
                enabled.equals("true") ? "aabnet" : "spaerret");
    }

    @POST
    @Path("/brugere/{username}/adgangskode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response userPasswordReset(@PathParam("username") String username, MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        Long version = FormInput.number(FormInput.text(input, "version"));
        return userAction(username, () -> users.resetPassword(username, FormInput.text(input, "password"), version), "nulstillet");
    }

    @POST
    @Path("/brugere/{username}/slet")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response userDelete(@PathParam("username") String username, MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        try {
            users.delete(username);
        } catch (ApiException e) {
            return refusal(username, e);
        }
        return Response.status(303).header("Location", "/admin/brugere?slettet=" + urlEncode(username)).build();
    }

    /** An error on a user's page: in the summary, linking to its field when it has one. */
    public record UserError(String field, String message) {
    }

    private static final Map<String, String> DONE = Map.of("spaerret", "Brugeren er spærret og er logget ud overalt.",
            "aabnet", "Brugeren kan logge ind igen.",
            "nulstillet", "Adgangskoden er nulstillet. Brugeren er logget ud og skal vælge en ny adgangskode ved næste login.");

    private Response userAction(String username, Runnable action, String done) {
        try {
            action.run();
        } catch (ApiException e) {
            return refusal(username, e);
        }
        return Response.status(303).header("Location", "/admin/brugere/" + urlEncode(username) + "?udfoert=" + done).build();
    }

    private Response refusal(String username, ApiException e) {
        if (e.problem().status() == 404) {
            throw e;
        }
        List<Problem.Error> errors = e.problem().errors() == null || e.problem().errors().isEmpty()
                ? List.of(new Problem.Error(null, null, null, null, e.problem().detail())) : e.problem().errors();
        return userRefused(username, e.problem().status(), errors.stream()
                .map(x -> new UserError("password".equals(x.field()) ? "password" : null, x.message())).toList());
    }

    private Response userRefused(String username, int status, List<UserError> errors) {
        return FormInput.html(status, Templates.user(users.get(username), errors, null));
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private UserForm userForm(String username, String role, List<String> chosen) {
        List<Option> roles = List.of(Roles.ENTRY, Roles.VIEWER, Roles.ADMIN).stream()
                .map(r -> new Option(r, Labels.role(r), r.equals(role))).toList();
        List<Option> options = referenceData.administrations().stream()
                .map(a -> new Option(a.code, a.code + " – " + a.name, chosen.contains(a.code))).toList();
        return new UserForm(username, roles, options);
    }
}
