package org.seed.sip.common.auth;

import java.util.Objects;

/**
 * What the platform keeps of an account's password: its HA1 for each algorithm (RFC 7616 §3.4.2,
 * {@code H(username ":" realm ":" password)} as lower-case hex), plus the flags authentication needs.
 */
public record StoredCredentials(String ha1Md5, String ha1Sha256, boolean admin, boolean enabled) {

    public StoredCredentials {
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
    }

    /** The HA1 a response computed with {@code algorithm} is checked against. */
    public String ha1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }

    @Override
    public String toString() {
        return "StoredCredentials[" + (admin ? "admin, " : "") + (enabled ? "enabled" : "disabled") + "]";
    }
}
