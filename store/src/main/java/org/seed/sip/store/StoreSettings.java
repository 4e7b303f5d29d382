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
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, Duration credentialsLifetime) {

    /** The default of {@code auth.credentials.lifetime}. */
    public static final Duration DEFAULT_CREDENTIALS_LIFETIME = Duration.ofSeconds(30);

    public StoreSettings(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DEFAULT_CREDENTIALS_LIFETIME);
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
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * From {@code db.url}, {@code db.user}, {@code db.password}, {@code db.pool.size} and
     * {@code auth.credentials.lifetime} (seconds).
     */
    public static StoreSettings from(PlatformSettings settings) {
        return new StoreSettings(settings.string("db.url"), settings.string("db.user"),
                settings.string("db.password"), settings.integer("db.pool.size"),
                Duration.ofSeconds(settings.integer("auth.credentials.lifetime")));
    }

    /** The URL with any {@code password=} parameter masked, for log lines and error messages. */
    public String printableUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreSettings[" + printableUrl() + ", user=" + user + ", poolSize=" + poolSize
                + ", credentialsLifetime=" + credentialsLifetime.toSeconds() + "s]";
    }
}
