package org.seed.sip.console.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user id and password of an {@code Authorization: Basic} header (RFC 7617 §2: base64 of
 * {@code user-id ":" password}, UTF-8). The password stays a char array, wiped with {@link #wipe()}.
 */
final class BasicCredentials {

    private static final String SCHEME = "basic";

    private final String userId;
    private final char[] password;

    private BasicCredentials(String userId, char[] password) {
        this.userId = userId;
        this.password = password;
    }

    /** The credentials of {@code authorization}; empty if it is absent or not well-formed Basic. */
    static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        // RFC 7235 §2.1: the scheme name is case-insensitive
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        try {
            // RFC 7617 §2: the user-id cannot contain a colon, the password can
            int colon = indexOf(chars, ':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String userId = chars.subSequence(0, colon).toString();
            char[] password = new char[chars.remaining() - colon - 1];
            chars.position(colon + 1).get(password);
            return Optional.of(new BasicCredentials(userId, password));
        } finally {
            Arrays.fill(chars.array(), '\0');
        }
    }

    private static int indexOf(CharBuffer chars, char wanted) {
        for (int i = 0; i < chars.remaining(); i++) {
            if (chars.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    String userId() {
        return userId;
    }

    char[] password() {
        return password;
    }

    void wipe() {
        Arrays.fill(password, '\0');
    }
}
