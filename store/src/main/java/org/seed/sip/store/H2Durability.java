package org.seed.sip.store;

import java.util.Locale;
import org.seed.sip.store.jpa.Durability;

/**
 * How an accepted registration becomes durable before its 200 OK leaves, by database.
 * <p>
 * By default H2 writes committed transactions to its file up to {@code WRITE_DELAY} (500 ms) later, so a
 * process that dies just after a commit would lose it. Unless the URL chooses a {@code WRITE_DELAY}
 * itself, an embedded H2 file database gets {@link H2GroupCommit}: each writing transaction waits for a
 * write of the file that covers it. Other databases (PostgreSQL) are durable at commit.
 */
final class H2Durability {

    private H2Durability() {
    }

    /**
     * The durability of {@code settings}' database. Group commits run on a connection of their own, so that
     * they never queue behind the transactions waiting for a pooled one.
     */
    static Durability of(StoreSettings settings) {
        return needsGroupCommit(settings.jdbcUrl())
                ? new H2GroupCommit(ConnectionPool.open(settings, "sip-store-checkpoint", 1))
                : Durability.AT_COMMIT;
    }

    static boolean needsGroupCommit(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        boolean persistentH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:zip:");
        return persistentH2 && !url.contains("write_delay=");
    }
}
