package org.seed.sip.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The Digest algorithms this platform offers (RFC 7616 §3.2; RFC 8760 adds SHA-256 to SIP). */
public enum DigestAlgorithm {

    MD5("MD5"),
    SHA_256("SHA-256");

    /** RFC 8760 §2.4: the strongest first ({@code auth.algorithms=SHA-256,MD5}; the default offers MD5 alone). */
    public static final List<DigestAlgorithm> STRONGEST_FIRST = List.of(SHA_256, MD5);

    /** Also the algorithm's standard name in {@link MessageDigest}. */
    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    /** The value of the {@code algorithm} parameter, RFC 7616 §3.3. */
    public String token() {
        return token;
    }

    /** The algorithm named by an {@code algorithm} parameter; tokens compare case-insensitively. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data) of RFC 7616 §3.4: the digest of the UTF-8 bytes as lower-case hex. */
    public String hash(String data) {
        try {
            byte[] digest = MessageDigest.getInstance(token).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide MD5 and SHA-256 (MessageDigest javadoc)
            throw new IllegalStateException(token + " missing from this Java runtime", e);
        }
    }
}
