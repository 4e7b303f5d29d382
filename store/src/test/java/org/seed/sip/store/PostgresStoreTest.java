package org.seed.sip.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store's behaviour on PostgreSQL, run when {@code STORE_TEST_POSTGRES_URL} (and {@code _USER},
 * {@code _PASSWORD}) name a database the user may create schemas in. Each run migrates a freshly created
 * schema, so the migration is tested from empty every time. See POSTGRES-TEST.md.
 */
@EnabledIfEnvironmentVariable(named = "STORE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresStoreTest extends StoreContractTest {

    private static final String SCHEMA = "store_test";

    @BeforeAll
    static void createEmptySchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @Override
    protected StoreSettings settings() {
        String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        return new StoreSettings(url, user(), password(), 2);
    }

    private static String url() {
        return System.getenv("STORE_TEST_POSTGRES_URL");
    }

    private static String user() {
        return System.getenv().getOrDefault("STORE_TEST_POSTGRES_USER", "");
    }

    private static String password() {
        return System.getenv().getOrDefault("STORE_TEST_POSTGRES_PASSWORD", "");
    }
}
