package dk.kk.gevinstspor.admin;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.common.security.UserEntity;

/** The JSON of a user (API.md, Users); the password goes in, never out. */
public final class UserJson {

    private UserJson() {
    }

    @Schema(name = "UserRequest")
    public record Request(
            @NotBlank @Size(max = 100) @Schema(examples = "buf.indberetter",
                    description = "2–50 characters a-z, 0-9, . _ -, beginning with a letter; not a reserved name (docs/security.md)") String username,
            @NotBlank @Size(max = 1000) @Schema(description = "12–64 characters, at most 72 bytes in UTF-8, not a common password") String password,
            @NotEmpty @Size(max = 3) @Schema(examples = "[\"entry\"]") List<@NotBlank String> roles,
            @Size(max = 7) @Schema(examples = "[\"BUF\"]") List<@NotBlank String> administrations) {

        @Override
        public String toString() {
            return "UserJson.Request[username=" + username + ", roles=" + roles + ", administrations=" + administrations + "]";
        }
    }

    @Schema(name = "User")
    public record Response(long id, String username, List<String> roles, List<String> administrations,
            @Schema(description = "false: the user cannot sign in") boolean enabled,
            @Schema(description = "true after a reset: the user must choose a new password at the next sign-in") boolean mustChangePassword,
            @Schema(description = "for the lifecycle changes (409 when stale)") long version) {

        public static Response of(UserEntity user) {
            return new Response(user.id, user.username, Arrays.stream(user.roles.split(",")).map(String::trim).sorted().toList(),
                    user.administrations.stream().sorted().toList(), user.enabled, user.mustChangePassword, user.version);
        }
    }

    /** Disables or enables a user. */
    @Schema(name = "UserStatus")
    public record Status(@NotNull Boolean enabled, @Schema(description = "the user's current version (409 when missing or stale)") Long version) {
    }

    /** An admin's new password for a user, who must choose another at the next sign-in. */
    @Schema(name = "PasswordReset")
    public record PasswordReset(@NotBlank @Size(max = 1000) String password,
            @Schema(description = "the user's current version (409 when missing or stale)") Long version) {

        @Override
        public String toString() {
            return "UserJson.PasswordReset[version=" + version + "]";
        }
    }
}
