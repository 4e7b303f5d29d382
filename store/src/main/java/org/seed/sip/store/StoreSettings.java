package org.seed.sip.store;

import java.util.Objects;
import org.seed.sip.common.config.PlatformSettings;

/**
 * Where the store's database is and how many connections it may hold.
 *
 * @param jdbcUrl  {@code jdbc:h2:file:...} (the default) or {@code jdbc:postgresql://...}
 * @param user     database user
 * @param password database password; never printed
 * @param poolSize most connections held open at once
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize) {

    public StoreSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("db.url must name the store's database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool.size must be at least 1, not " + poolSize);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** From {@code db.url}, {@code db.user}, {@code db.password} and {@code db.pool.size}. */
    public static StoreSettings from(PlatformSettings settings) {
        return new StoreSettings(settings.string("db.url"), settings.string("db.user"),
                settings.string("db.password"), settings.integer("db.pool.size"));
    }

    /** The URL with any {@code password=} parameter masked, for log lines and error messages. */
    public String printableUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreSettings[" + printableUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
