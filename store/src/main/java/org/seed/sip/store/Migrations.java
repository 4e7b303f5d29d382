package org.seed.sip.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the SQL migrations under {@code db/migration} in the store jar. */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * @param classLoader the loader of the store jar: the thread context class loader belongs to whichever
     *                    application opened the store first and may not see the migrations
     */
    static void migrate(StoreSettings settings, ClassLoader classLoader) {
        try {
            MigrateResult result = Flyway.configure(classLoader)
                    // connections of its own, not the pool's: Flyway holds two at once (schema history lock and
                    // migration), which would deadlock a pool of db.pool.size=1
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(LOCATION)
                    // V<area>_<n>: each area (accounts 1, event subscriptions 2, b2bua 3...) numbers its own
                    // migrations, and areas land in any order; an older version found pending is still applied
                    .outOfOrder(true)
                    // its auto-detection looks for an SLF4J provider through the context class loader, misses
                    // it there and falls back to java.util.logging; the server logs through SLF4J
                    .loggers("slf4j")
                    // no migrations found means a packaging fault, not an empty schema to accept
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("store schema of {} at version {} ({} migrations applied now)",
                    settings.printableUrl(), result.targetSchemaVersion == null ? result.initialSchemaVersion
                            : result.targetSchemaVersion, result.migrationsExecuted);
        } catch (FlywayException e) {
            // Flyway's own message names the migration, statement and SQL state: better than its cause's
            throw new StoreException("cannot migrate the store database " + settings.printableUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
