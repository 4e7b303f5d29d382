package org.seed.sip.common.presence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a presentity's rules give one watcher (RFC 5025 §3.2.1's sub-handling, "confirm" named pending). */
public enum WatcherGrant {

    /** The watcher is told the presentity's state. */
    ALLOW,
    /** The subscription waits for the presentity to decide ({@code Subscription-State: pending}, RFC 6665 §4.1.3). */
    PENDING,
    /** The SUBSCRIBE is refused ({@code 403}). */
    BLOCK,
    /** The watcher is told its subscription is active, and always sees the presentity {@code closed}. */
    POLITE_BLOCK;

    /** The name the console's JSON, the store and the configuration use: {@code allow}, {@code polite-block}... */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The grant named {@code token} exactly as {@link #token()} writes it; empty for anything else. */
    public static Optional<WatcherGrant> fromToken(String token) {
        return Arrays.stream(values()).filter(grant -> grant.token().equals(token)).findFirst();
    }

    /** {@code allow, pending, block, polite-block}: for messages that list what is accepted. */
    static String tokens() {
        return String.join(", ", Arrays.stream(values()).map(WatcherGrant::token).toList());
    }
}
