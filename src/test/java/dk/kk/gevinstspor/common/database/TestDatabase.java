package dk.kk.gevinstspor.common.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The database of every {@code @QuarkusTest}: one embedded PostgreSQL per test JVM in a fresh folder under
 * {@code target/}, started through the service's own {@link EmbeddedDatabase}. With {@code DB_URL} set the
 * tests use that server instead and start nothing.
 */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of();
        }
        EmbeddedDatabase db = shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Shared by every test of this JVM; stopped when the JVM ends.
    }

    static synchronized EmbeddedDatabase shared() {
        if (database == null) {
            // thrown away after the run: no fsync keeps the suite fast
            database = EmbeddedDatabase.start(Path.of("target", "test-databases", "quarkus-" + UUID.randomUUID()), false);
            EmbeddedDatabase started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-database-stop"));
        }
        return database;
    }
}
