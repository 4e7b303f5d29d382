package org.seed.sip.store.preferences;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a call forwarded by a preference reaches its target. */
public enum ForwardMode {

    /** The B2BUA calls the target itself, on a new leg. */
    PROXY,
    /** The caller gets {@code 302 Moved Temporarily} with the target in Contact (RFC 3261 §21.3.3). */
    REDIRECT;

    /** The name the console's JSON and the store use: {@code proxy}, {@code redirect}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code token} exactly as {@link #token()} writes it; empty for anything else. */
    public static Optional<ForwardMode> fromToken(String token) {
        return Arrays.stream(values()).filter(mode -> mode.token().equals(token)).findFirst();
    }
}
