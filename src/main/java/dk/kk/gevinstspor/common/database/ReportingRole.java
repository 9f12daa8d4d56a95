package dk.kk.gevinstspor.common.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up, after the migrations, gives the role {@value #ROLE} (V7) its login with the configured password
 * ({@code gevinstspor.reporting.password}), where the service's database user may alter roles (the embedded database).
 * Without a password the role is left as it is (created without login); where the user may not (CloudNativePG), the
 * operator owns the role and its password. docs/reporting.md.
 */
@ApplicationScoped
public class ReportingRole {

    public static final String ROLE = "gevinstspor_reporting";

    private static final Logger LOG = Logger.getLogger(ReportingRole.class);

    void onStart(@Observes StartupEvent event, GevinstsporConfig config, AgroalDataSource dataSource) {
        config.reporting().password().filter(p -> !p.isBlank()).ifPresent(password -> {
            try (Connection c = dataSource.getConnection()) {
                setPassword(c, password);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set the password of role " + ROLE + ": " + e.getMessage(), e);
            }
        });
    }

    private static void setPassword(Connection c, String password) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?),"
                + " EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)),"
                + " format('ALTER ROLE %I LOGIN PASSWORD %L', ?, ?)")) {
            check.setString(1, ROLE);
            check.setString(2, ROLE);
            check.setString(3, password);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    LOG.warnf("GEVINSTSPOR_REPORTING_PASSWORD is set, but the role %s does not exist (docs/reporting.md)", ROLE);
                } else if (!rs.getBoolean(2)) {
                    LOG.infof("The role %s is managed outside the service: GEVINSTSPOR_REPORTING_PASSWORD is not used", ROLE);
                } else {
                    try (Statement alter = c.createStatement()) {
                        alter.execute(rs.getString(3));
                    }
                }
            }
        }
    }
}
