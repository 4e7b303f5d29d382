package org.seed.sip.presence.publish;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * New entity-tags (RFC 3903 §4.1, §11.3.1: a token): 128 random bits, so a tag cannot be guessed and two
 * issued ever, by any node sharing the database, do not collide.
 */
final class EntityTags implements Supplier<String> {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String get() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        // base64url characters are all token characters (RFC 3261 §25.1)
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
