package org.seed.sip.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** Checks the {@code response} of Digest credentials against the stored HA1 (RFC 7616 §3.4.1). */
public final class DigestVerifier {

    /** The only quality of protection offered: auth-int would need the body, which SIP seldom protects. */
    private static final String QOP_AUTH = "auth";

    private DigestVerifier() {
    }

    /** Whether {@code qop} is the one challenges offer; a missing qop (RFC 2069 clients) is not. */
    public static boolean isSupportedQop(String qop) {
        return QOP_AUTH.equalsIgnoreCase(qop);
    }

    /**
     * Whether {@code credentials} answer a challenge for {@code method} with the password behind
     * {@code stored}; false for any qop but auth and when cnonce or nc is missing.
     */
    public static boolean verify(DigestCredentials credentials, String method, StoredCredentials stored) {
        // RFC 7616 §3.4: with qop, cnonce and nc MUST be sent
        if (!isSupportedQop(credentials.qop()) || credentials.cnonce() == null || credentials.nonceCount() == null) {
            return false;
        }
        DigestAlgorithm algorithm = credentials.algorithm();
        // RFC 7616 §3.4.3, qop=auth: A2 = Method ":" request-uri
        String ha2 = algorithm.hash(method + ":" + credentials.uri());
        // RFC 7616 §3.4.1: response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))
        String expected = algorithm.hash(stored.ha1(algorithm) + ":" + credentials.nonce() + ":"
                + credentials.nonceCount() + ":" + credentials.cnonce() + ":" + credentials.qop() + ":" + ha2);
        // constant time, so the response cannot be guessed byte by byte from timing
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
