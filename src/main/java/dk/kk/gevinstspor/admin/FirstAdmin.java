package dk.kk.gevinstspor.admin;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.quarkus.runtime.StartupEvent;

/** On start-up (after the migrations), an empty database gets its first user: {@code admin}. */
@Singleton
public class FirstAdmin {

    void onStart(@Observes StartupEvent event, UserService users, GevinstsporConfig config) {
        users.createFirstAdmin(config.adminPassword());
    }
}
