package org.seed.sip.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;

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
        try {
            // DriverManager only finds drivers its caller's class loader sees; naming the class avoids relying on it
            String driverClassName = driverClassName(settings.jdbcUrl());
            if (driverClassName != null) {
                config.setDriverClassName(driverClassName);
            }
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store database " + settings.printableUrl() + ": " + reason(e), e);
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

    /**
     * The most telling message in a failure's causes: the innermost SQLException's (the driver's own words,
     * such as "Connection to 127.0.0.1:5432 refused" or "Wrong user name or password"), else the root's.
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        SQLException innermostSql = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException) {
                innermostSql = (SQLException) cause;
            }
        }
        Throwable telling = innermostSql != null ? innermostSql : root;
        String message = telling.getMessage();
        return message == null || message.isBlank() ? telling.getClass().getSimpleName() : message;
    }
}
