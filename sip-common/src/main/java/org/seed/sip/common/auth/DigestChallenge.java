package org.seed.sip.common.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Digest challenge (RFC 3261 §22.4, RFC 7616 §3.3): the values of the WWW-Authenticate (401) or
 * Proxy-Authenticate (407) headers, one per algorithm.
 *
 * @param stale  RFC 7616 §3.3: the previous nonce was refused but the response was right, so the client
 *               may retry with the new nonce without asking the user again
 * @param opaque echoed back unchanged by the client; {@code null} for none
 */
public record DigestChallenge(String realm, String nonce, boolean stale, String opaque,
        List<DigestAlgorithm> algorithms) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("a challenge offers at least one algorithm");
        }
    }

    /** A challenge with opaque, offering SHA-256 then MD5. */
    public DigestChallenge(String realm, String nonce, boolean stale, String opaque) {
        this(realm, nonce, stale, opaque, DigestAlgorithm.STRONGEST_FIRST);
    }

    /** A challenge without opaque, offering SHA-256 then MD5. */
    public static DigestChallenge of(String realm, String nonce, boolean stale) {
        return new DigestChallenge(realm, nonce, stale, null);
    }

    /**
     * One {@code Digest realm="...", nonce="...", qop="auth", algorithm=...} per algorithm, in the order
     * given: RFC 8760 §2.4, the client takes the first it supports.
     */
    public List<String> headerValues() {
        List<String> values = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm algorithm : algorithms) {
            StringBuilder value = new StringBuilder("Digest realm=").append(quoted(realm))
                    .append(", nonce=").append(quoted(nonce))
                    .append(", qop=\"auth\", algorithm=").append(algorithm.token());
            if (opaque != null) {
                value.append(", opaque=").append(quoted(opaque));
            }
            if (stale) {
                value.append(", stale=true");
            }
            values.add(value.toString());
        }
        return List.copyOf(values);
    }

    /** RFC 3261 §25.1: quoted-string, with '"' and '\' escaped as quoted-pairs. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
