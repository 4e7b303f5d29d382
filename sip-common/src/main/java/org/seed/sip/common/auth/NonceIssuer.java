package org.seed.sip.common.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces (RFC 7616 §3.3: "the contents of the nonce are implementation dependent"): each
 * carries its issue time and random bytes, authenticated with HMAC-SHA256, so any node holding the same
 * secret can check it without remembering it. Layout before base64url: issue time in epoch milliseconds
 * (8 bytes), random (8 bytes), HMAC tag over the first 16 bytes truncated to 16 bytes (RFC 2104 §5 allows
 * truncating to half the hash length).
 */
public final class NonceIssuer {

    private static final String MAC = "HmacSHA256";
    private static final int RANDOM_BYTES = 8;
    private static final int MESSAGE_BYTES = Long.BYTES + RANDOM_BYTES;
    private static final int TAG_BYTES = 16;
    private static final int RANDOM_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Duration lifetime;

    public NonceIssuer(byte[] secret, Duration lifetime) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the nonce secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), MAC);
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** From {@code auth.nonce.secret}, or a random secret of this process when it is empty. */
    public static NonceIssuer from(AuthSettings settings) {
        byte[] secret;
        if (settings.nonceSecret().isEmpty()) {
            secret = new byte[RANDOM_SECRET_BYTES];
            RANDOM.nextBytes(secret);
        } else {
            secret = settings.nonceSecret().getBytes(StandardCharsets.UTF_8);
        }
        return new NonceIssuer(secret, settings.nonceLifetime());
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new nonce issued at {@code now}. */
    public String issue(Instant now) {
        byte[] nonce = new byte[MESSAGE_BYTES + TAG_BYTES];
        ByteBuffer.wrap(nonce).putLong(now.toEpochMilli());
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, nonce, Long.BYTES, RANDOM_BYTES);
        System.arraycopy(tag(nonce), 0, nonce, MESSAGE_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /** Whether {@code nonce} is one of ours and still within its lifetime at {@code now}. */
    public NonceStatus check(String nonce, Instant now) {
        return issuedAt(nonce)
                // a node of a cluster whose clock runs ahead issues nonces "from the future": same window
                .map(issued -> Duration.between(issued, now).abs().compareTo(lifetime) <= 0
                        ? NonceStatus.VALID : NonceStatus.STALE)
                .orElse(NonceStatus.INVALID);
    }

    /** When an authentic nonce was issued; empty if this platform did not issue it. */
    public Optional<Instant> issuedAt(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != MESSAGE_BYTES + TAG_BYTES
                || !MessageDigest.isEqual(tag(bytes), Arrays.copyOfRange(bytes, MESSAGE_BYTES, bytes.length))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(bytes).getLong()));
    }

    private byte[] tag(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(nonce, 0, MESSAGE_BYTES);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256 (Mac javadoc)
            throw new IllegalStateException(MAC + " unavailable", e);
        }
    }
}
