package dk.kk.gevinstspor.admin.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.admin.UserJson;
import dk.kk.gevinstspor.admin.UserService;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;

/**
 * Users of API.md: admins create users with roles and, for entry users, administrations; and, beyond API.md
 * (docs/api-notes.md), read one, disable and enable it, reset its password and delete it when it has no history.
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users")
public class UserResource {

    @Inject
    UserService service;

    @POST
    @Operation(summary = "Create a user (admin only)", description = "Roles: admin, entry (with administrations), viewer. "
            + "User name: 2–50 characters a-z, 0-9, . _ -, beginning with a letter, not reserved (system, demo, …). "
            + "Password: 12–64 characters (at most 72 bytes in UTF-8), not a common password; stored as bcrypt, never returned.")
    public Response create(@Valid UserJson.Request request) {
        if (request == null) {
            throw Requests.missingBody();
        }
        UserJson.Response user = service.create(request);
        return Response.created(URI.create("/api/users/" + user.username())).entity(user).build();
    }

    @GET
    @Operation(summary = "List users (admin only)")
    public List<UserJson.Response> list() {
        return service.list();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user (admin only)")
    public UserJson.Response get(@PathParam("username") String username) {
        return service.get(username);
    }

    @PUT
    @Path("/{username}/status")
    @Operation(summary = "Disable or enable a user (admin only)", description = "Disabling ends the user's sessions at once; "
            + "an admin cannot disable itself (409 OWN_USER). Needs the user's version (409 when missing or stale).")
    public UserJson.Response status(@PathParam("username") String username, @Valid UserJson.Status body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.setEnabled(username, body.enabled(), body.version());
    }

    @POST
    @Path("/{username}/password-reset")
    @Operation(summary = "Give a user a new password (admin only)", description = "The user must choose its own at the next "
            + "sign-in (pages: /adgangskode; the API refuses it until then, 403 PASSWORD_CHANGE_REQUIRED). Ends the user's "
            + "sessions. Needs the user's version (409 when missing or stale).")
    public UserJson.Response resetPassword(@PathParam("username") String username, @Valid UserJson.PasswordReset body) {
        if (body == null) {
            throw Requests.missingBody();
        }
        return service.resetPassword(username, body.password(), body.version());
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user without history (admin only)", description = "A user named in the audit history "
            + "cannot be deleted (409 USER_HAS_HISTORY): disable it. An admin cannot delete itself (409 OWN_USER).")
    public Response delete(@PathParam("username") String username) {
        service.delete(username);
        return Response.noContent().build();
    }
}
