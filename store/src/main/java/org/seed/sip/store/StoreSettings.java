package org.seed.sip.store;

import java.time.Duration;
import java.util.Objects;
import org.seed.sip.common.config.PlatformSettings;

/**
 * Where the store's database is and how many connections it may hold.
 *
 * @param jdbcUrl  {@code jdbc:h2:file:...} (the default) or {@code jdbc:postgresql://...}
 * @param user     database user
 * @param password database password; never printed
 * @param poolSize most connections held open at once
 * @param credentialsLifetime how long authentication uses an account's credentials before reading them
 *                 again (changes through this process apply at once); zero: read them for every request
 * @param timeout  the longest one request waits for the database at each step: for a pooled connection,
 *                 for a lock, for one statement; then it fails instead of holding its SIP transaction
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, Duration credentialsLifetime,
        Duration timeout) {

    /** The default of {@code auth.credentials.lifetime}. */
    public static final Duration DEFAULT_CREDENTIALS_LIFETIME = Duration.ofSeconds(30);
    /** The default of {@code db.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public StoreSettings(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DEFAULT_CREDENTIALS_LIFETIME);
    }

    public StoreSettings(String jdbcUrl, String user, String password, int poolSize, Duration credentialsLifetime) {
        this(jdbcUrl, user, password, poolSize, credentialsLifetime, DEFAULT_TIMEOUT);
    }

    public StoreSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("db.url must name the store's database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool.size must be at least 1, not " + poolSize);
        }
        if (credentialsLifetime.isNegative()) {
            throw new IllegalArgumentException("auth.credentials.lifetime must not be negative");
        }
        // HikariCP's shortest connection timeout
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("db.timeout must be at least 1 second, not " + timeout);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * From {@code db.url}, {@code db.user}, {@code db.password}, {@code db.pool.size},
     * {@code auth.credentials.lifetime} and {@code db.timeout} (seconds).
     */
    public static StoreSettings from(PlatformSettings settings) {
        return new StoreSettings(settings.string("db.url"), settings.string("db.user"),
                settings.string("db.password"), settings.integer("db.pool.size"),
                Duration.ofSeconds(settings.integer("auth.credentials.lifetime")),
                Duration.ofSeconds(settings.integer("db.timeout")));
    }

    /** The URL with any {@code password=} parameter masked, for log lines and error messages. */
    public String printableUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreSettings[" + printableUrl() + ", user=" + user + ", poolSize=" + poolSize
                + ", credentialsLifetime=" + credentialsLifetime.toSeconds() + "s, timeout=" + timeout.toSeconds() + "s]";
    }
}
