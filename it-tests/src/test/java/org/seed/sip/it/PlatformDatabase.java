package org.seed.sip.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.seed.sip.it.arquillian.RunningPlatform;

/** Reads the running platform's database, to check what it stored rather than what it answered. */
final class PlatformDatabase {

    private PlatformDatabase() {
    }

    /** The first column of every row {@code sql} selects, as text. */
    static List<String> column(RunningPlatform platform, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(), "sip", "sip");
             PreparedStatement query = statement(connection, sql, parameters)) {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /**
     * Runs {@code sql} (an insert, update or delete) and commits it, for data the platform reads but no
     * interface of the test can make (call records the B2BUA would write); returns the rows it changed.
     */
    static int update(RunningPlatform platform, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(), "sip", "sip");
             PreparedStatement update = statement(connection, sql, parameters)) {
            return update.executeUpdate();
        }
    }

    private static PreparedStatement statement(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
