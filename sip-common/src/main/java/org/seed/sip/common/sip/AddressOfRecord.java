package org.seed.sip.common.sip;

import java.util.Locale;
import java.util.Objects;

/**
 * The canonical form of an address-of-record, {@code sip:user@domain}: the key under which bindings,
 * accounts and subscriptions are found. RFC 3261 §10.3 step 5: the To URI with its parameters, port and
 * display name dropped; the host is case-insensitive (§19.1.4), the user part is not.
 */
public record AddressOfRecord(String user, String domain) {

    public AddressOfRecord {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(domain, "domain");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("an address-of-record needs a user part");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sip:user@domain} (or sips:), ignoring port and parameters. */
    public static AddressOfRecord parse(String uri) {
        String rest = uri.trim();
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).toLowerCase(Locale.ROOT).startsWith("sip")) {
            throw new IllegalArgumentException("not a SIP URI: " + uri);
        }
        rest = rest.substring(colon + 1);
        int at = rest.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("no user part in " + uri);
        }
        String host = rest.substring(at + 1);
        int end = indexOfAny(host, ":;?>");
        return new AddressOfRecord(rest.substring(0, at), end < 0 ? host : host.substring(0, end));
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "sip:" + user + "@" + domain;
    }
}
