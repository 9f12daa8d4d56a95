package dk.kk.gevinstspor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.security.UserEntity;
import dk.kk.gevinstspor.common.security.UserRepository;
import dk.kk.gevinstspor.demo.DemoData;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GEVINSTSPOR_ADMIN_PASSWORD} (here {@code admin-test-password}) is never passed over: on an empty database
 * the demo data (whose start-up observer may run before the first admin's) creates {@code admin} with it first;
 * on a database with users the log says it was not used. Before, the demo users made the table non-empty and
 * {@code admin} was never created.
 */
@QuarkusTest
class FirstAdminTest {

    @Inject
    DemoData demo;

    @Inject
    UserService users;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void on_an_empty_database_the_demo_data_loading_first_still_gives_admin_the_configured_password() {
        em.createNativeQuery("DELETE FROM app_user").executeUpdate();
        demo.load();
        UserEntity admin = users.find("admin").orElseThrow(() -> new AssertionError("no user admin after the demo data"));
        assertThat(BcryptUtil.matches("admin-test-password", admin.password)).isTrue();
        assertThat(admin.roles).isEqualTo("admin");
        assertThat(users.find("demo.admin")).isPresent();
    }

    @Test
    @TestTransaction
    void a_configured_password_that_cannot_be_used_is_named_in_the_log() throws IOException {
        users.createFirstAdmin(Optional.of("a-different-admin-password"));
        assertThat(BcryptUtil.matches("admin-test-password", users.find("admin").orElseThrow().password)).isTrue();
        assertThat(Files.readString(Path.of("target", "quarkus-test.log")))
                .contains("GEVINSTSPOR_ADMIN_PASSWORD is set but not used").doesNotContain("a-different-admin-password");
    }
}
