package dk.kk.gevinstspor.common.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, after the migrations, where the role {@value #ROLE} exists: grants it reading of the {@code reporting}
 * schema again (the service owns the schema, so it may; a role that CloudNativePG created after V7 ran gets its
 * grants this way), and gives it its login with the configured password ({@code gevinstspor.reporting.password})
 * where the service's database user may alter roles (the embedded database). Without a password the role is left
 * without login; where the user may not alter roles (CloudNativePG), the operator owns the role and its password.
 * docs/reporting.md.
 */
@ApplicationScoped
public class ReportingRole {

    public static final String ROLE = "gevinstspor_reporting";

    private static final Logger LOG = Logger.getLogger(ReportingRole.class);

    void onStart(@Observes StartupEvent event, GevinstsporConfig config, AgroalDataSource dataSource) {
        Optional<String> password = config.reporting().password().filter(p -> !p.isBlank());
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c)) {
                password.ifPresent(p -> LOG.warnf("GEVINSTSPOR_REPORTING_PASSWORD is set, but the role %s does not exist"
                        + " (docs/reporting.md)", ROLE));
                return;
            }
            grantReading(c);
            if (password.isPresent()) {
                setPassword(c, password.get());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the role " + ROLE + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            check.setString(1, ROLE);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** What V7 grants, again: idempotent. */
    private static void grantReading(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA reporting TO " + ROLE);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO " + ROLE);
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO " + ROLE);
        }
    }

    private static void setPassword(Connection c, String password) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user"
                + " AND (rolsuper OR rolcreaterole)), format('ALTER ROLE %I LOGIN PASSWORD %L', ?, ?)")) {
            check.setString(1, ROLE);
            check.setString(2, password);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    LOG.infof("The role %s is managed outside the service: GEVINSTSPOR_REPORTING_PASSWORD is not used", ROLE);
                } else {
                    try (Statement alter = c.createStatement()) {
                        alter.execute(rs.getString(2));
                    }
                }
            }
        }
    }
}
