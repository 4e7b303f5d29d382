package org.seed.sip.common.event;

import java.util.Locale;
import java.util.Objects;

/**
 * An Event header (RFC 6665 §8.2.1): the package name and the optional {@code id} parameter that tells
 * subscriptions in one dialog apart.
 *
 * @param packageName the event package, e.g. {@code reg}
 * @param id          the {@code id} parameter, or null
 */
public record EventHeader(String packageName, String id) {

    public EventHeader {
        Objects.requireNonNull(packageName, "packageName");
    }

    /** Parses {@code reg;id=42}; parameters other than id are ignored. */
    public static EventHeader parse(String value) {
        String[] parts = value.split(";");
        String id = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().toLowerCase(Locale.ROOT).equals("id")) {
                id = parameter[1].trim();
            }
        }
        return new EventHeader(parts[0].trim(), id);
    }

    /** The header value to echo in every NOTIFY of the subscription (RFC 6665 §4.2.2). */
    @Override
    public String toString() {
        return id == null ? packageName : packageName + ";id=" + id;
    }
}
