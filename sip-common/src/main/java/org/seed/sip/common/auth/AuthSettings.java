package org.seed.sip.common.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.seed.sip.common.config.PlatformSettings;

/**
 * How Digest authentication behaves.
 *
 * @param nonceLifetime    how long a nonce is accepted before a challenge says stale=true
 * @param nonceSecret      the key authenticating nonces; empty for a random key per process. Never printed
 * @param throttleFailures failed attempts from one source that block it
 * @param throttleWindow   the time within which those failures must fall
 * @param throttleBlock    how long a blocked source is refused
 * @param algorithms       the algorithms challenges offer, preferred first; credentials in any other are refused
 */
public record AuthSettings(Duration nonceLifetime, String nonceSecret, int throttleFailures,
        Duration throttleWindow, Duration throttleBlock, List<DigestAlgorithm> algorithms) {

    /** HMAC-SHA256 keys shorter than this are too easy to guess. */
    public static final int MIN_SECRET_LENGTH = 16;

    public AuthSettings {
        requirePositive(nonceLifetime, "auth.nonce.lifetime");
        requirePositive(throttleWindow, "auth.throttle.window");
        requirePositive(throttleBlock, "auth.throttle.block");
        Objects.requireNonNull(nonceSecret, "nonceSecret");
        if (!nonceSecret.isEmpty() && nonceSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("auth.nonce.secret must be empty (random) or at least "
                    + MIN_SECRET_LENGTH + " characters long");
        }
        if (throttleFailures < 1) {
            throw new IllegalArgumentException("auth.throttle.failures must be at least 1, not " + throttleFailures);
        }
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("auth.algorithms must name at least one of SHA-256, MD5");
        }
    }

    /** Settings offering SHA-256 then MD5. */
    public AuthSettings(Duration nonceLifetime, String nonceSecret, int throttleFailures, Duration throttleWindow,
            Duration throttleBlock) {
        this(nonceLifetime, nonceSecret, throttleFailures, throttleWindow, throttleBlock,
                DigestAlgorithm.STRONGEST_FIRST);
    }

    /** From the {@code auth.*} keys; durations are in seconds. */
    public static AuthSettings from(PlatformSettings settings) {
        return new AuthSettings(seconds(settings, "auth.nonce.lifetime"), settings.string("auth.nonce.secret"),
                settings.integer("auth.throttle.failures"), seconds(settings, "auth.throttle.window"),
                seconds(settings, "auth.throttle.block"), algorithms(settings.list("auth.algorithms")));
    }

    private static List<DigestAlgorithm> algorithms(List<String> tokens) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String token : tokens) {
            algorithms.add(DigestAlgorithm.fromToken(token).orElseThrow(() -> new IllegalArgumentException(
                    "auth.algorithms: unknown algorithm '" + token + "' (SHA-256 or MD5)")));
        }
        return algorithms;
    }

    private static Duration seconds(PlatformSettings settings, String key) {
        return Duration.ofSeconds(settings.integer(key));
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(key + " must be at least 1 second, not " + duration);
        }
    }

    @Override
    public String toString() {
        return "AuthSettings[nonceLifetime=" + nonceLifetime + ", nonceSecret="
                + (nonceSecret.isEmpty() ? "random" : "***") + ", throttle=" + throttleFailures + " failures in "
                + throttleWindow + " -> blocked " + throttleBlock + ", algorithms=" + algorithms + "]";
    }
}
