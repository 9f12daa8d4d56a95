package dk.kk.gevinstspor.admin.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.admin.UserEntity;

/** The JSON of a user (API.md, Users); the password goes in, never out. */
public final class UserJson {

    private UserJson() {
    }

    @Schema(name = "UserRequest")
    public record Request(
            @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = "[a-z0-9._-]+", message = "små bogstaver, tal, punktum, bindestreg og understregning")
            @Schema(examples = "buf.indberetter") String username,
            @NotBlank @Size(max = 200) String password,
            @NotEmpty @Size(max = 3) @Schema(examples = "[\"entry\"]") List<@NotBlank String> roles,
            @Size(max = 7) @Schema(examples = "[\"BUF\"]") List<@NotBlank String> administrations) {

        @Override
        public String toString() {
            return "UserJson.Request[username=" + username + ", roles=" + roles + ", administrations=" + administrations + "]";
        }
    }

    @Schema(name = "User")
    public record Response(long id, String username, List<String> roles, List<String> administrations) {

        public static Response of(UserEntity user) {
            return new Response(user.id, user.username, Arrays.stream(user.roles.split(",")).map(String::trim).sorted().toList(),
                    user.administrations.stream().sorted().toList());
        }
    }
}
