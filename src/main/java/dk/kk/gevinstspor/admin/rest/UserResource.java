package dk.kk.gevinstspor.admin.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.admin.UserService;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;

/** Users of API.md: admins create users with roles and, for entry users, administrations. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users")
public class UserResource {

    private final UserService service;

    public UserResource(UserService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Create a user (admin only)", description = "Roles: admin, entry (with administrations), viewer. "
            + "The password (at least 10 characters) is stored as bcrypt and never returned.")
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
}
