package org.seed.sip.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens the pool of JDBC connections that Flyway and Hibernate share. */
final class ConnectionPool {

    private ConnectionPool() {
    }

    /**
     * Opens the pool and one connection, so a wrong URL, password or an unreachable server is reported now.
     *
     * @throws StoreException naming the URL and the database's reason
     */
    static HikariDataSource open(StoreSettings settings) {
        return open(settings, "sip-store", settings.poolSize());
    }

    /** As {@link #open(StoreSettings)}, with a pool name and size of its own. */
    static HikariDataSource open(StoreSettings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        boundWaits(config, settings);
        try {
            // DriverManager only finds drivers its caller's class loader sees; naming the class avoids relying on it
            String driverClassName = driverClassName(settings.jdbcUrl());
            if (driverClassName != null) {
                config.setDriverClassName(driverClassName);
            }
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store database " + settings.printableUrl() + ": "
                    + StoreFailures.reason(e), e);
        }
    }

    /**
     * No wait for the database is longer than {@code db.timeout}: a request fails (and is answered 503)
     * rather than holding its SIP transaction past the client's retransmission timers (RFC 3261 §17.1.2.2).
     * HikariCP's default is 30 s for a connection; H2 limits no statement; PostgreSQL and the network
     * have no limit at all.
     */
    private static void boundWaits(HikariConfig config, StoreSettings settings) {
        long millis = settings.timeout().toMillis();
        config.setConnectionTimeout(millis);
        // HikariCP requires the liveness check to be shorter than the connection timeout
        config.setValidationTimeout(Math.max(250, millis / 2));
        if (settings.jdbcUrl().startsWith("jdbc:h2:")) {
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + millis + "; SET QUERY_TIMEOUT " + millis);
            // a connection the database has gone from fails at once and leaves the pool
            config.setExceptionOverride(new H2BrokenConnections());
        } else if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            config.setConnectionInitSql("SET lock_timeout = " + millis + "; SET statement_timeout = " + millis);
            // a server that vanished without closing its connections (host down, network cut) answers no
            // statement timeout: the driver gives up reading after twice the timeout
            long seconds = Math.max(1, 2 * settings.timeout().toSeconds());
            config.addDataSourceProperty("socketTimeout", Long.toString(seconds));
            config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.timeout().toSeconds())));
        }
    }

    private static String driverClassName(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return org.h2.Driver.class.getName();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return org.postgresql.Driver.class.getName();
        }
        return null;
    }
}
