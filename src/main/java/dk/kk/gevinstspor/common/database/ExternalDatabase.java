package dk.kk.gevinstspor.common.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server given by {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD}. Before the service
 * starts it tries one connection, so that a wrong address or password ends the start with one clear line
 * instead of a stack trace from the connection pool.
 */
public final class ExternalDatabase {

    private ExternalDatabase() {
    }

    /**
     * Connects once and closes again.
     *
     * @throws StartupFailure saying what is wrong and which setting to fix
     */
    public static void check(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StartupFailure("DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example:5432/gevinstspor, not '"
                    + url + "'.");
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable and the credentials work
        } catch (SQLException e) {
            throw new StartupFailure(explain(url, user, e), e);
        }
    }

    static String explain(String url, String user, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL at " + url + " refused user '" + user + "' (" + reason + "). Check DB_USER and DB_PASSWORD.";
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + url + " has no such database (" + reason + "). Create it or correct DB_URL.";
        }
        return "Cannot reach PostgreSQL at " + url + " (" + reason + "). Check DB_URL and that the server runs and accepts connections.";
    }
}
