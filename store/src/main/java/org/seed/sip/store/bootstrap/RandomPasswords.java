package org.seed.sip.store.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

/** Passwords for accounts the operator did not give one: 96 random bits as 16 URL-safe characters. */
final class RandomPasswords {

    private static final int BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        // 12 bytes are exactly 16 Base64 characters: no padding to strip
        return Base64.getUrlEncoder().encodeToString(bytes);
    }
}
