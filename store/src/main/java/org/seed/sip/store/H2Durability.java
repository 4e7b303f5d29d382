package org.seed.sip.store;

import java.util.Locale;

/**
 * Makes an embedded H2 database write each commit before the commit returns.
 * <p>
 * By default H2 writes committed transactions to its file up to {@code WRITE_DELAY} (500 ms) later, so a
 * process that dies just after a commit loses it: a REGISTER answered 200 OK would be forgotten. The design
 * requires an accepted registration to be durable before the answer leaves, so {@code WRITE_DELAY=0} is
 * added unless the URL chooses a delay itself.
 */
final class H2Durability {

    private H2Durability() {
    }

    static String jdbcUrl(String configuredUrl) {
        String url = configuredUrl.toLowerCase(Locale.ROOT);
        boolean persistentH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:zip:");
        if (!persistentH2 || url.contains("write_delay=")) {
            return configuredUrl;
        }
        return configuredUrl + ";WRITE_DELAY=0";
    }
}
