package org.seed.sip.common.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.auth.AuthOutcome.Challenge;
import org.seed.sip.common.auth.AuthOutcome.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of one request (RFC 3261 §22, RFC 7616, RFC 8760), the same for every
 * application. Thread-safe; one instance per platform, shared by every application (sip-kit's SharedPlatform),
 * so that its failure throttle and nonce counts see every request.
 * <p>
 * Unknown user, disabled account and wrong response look the same from outside: each gets the same
 * challenge, after a digest computed the same way (against a dummy HA1 when there is no usable account),
 * and each counts as a failure of the source. A right response with an old or unknown nonce gets a
 * challenge with stale=true and is no failure.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final CredentialLookup lookup;
    private final NonceIssuer nonces;
    private final NonceCounts nonceCounts;
    private final FailureThrottle throttle;
    private final List<DigestAlgorithm> offered;
    /** Checked against when there is no usable account, so that case costs the same time. */
    private final StoredCredentials dummy;

    public Authenticator(CredentialLookup lookup, NonceIssuer nonces, NonceCounts nonceCounts,
            FailureThrottle throttle, List<DigestAlgorithm> offered) {
        this.lookup = lookup;
        this.nonces = nonces;
        this.nonceCounts = nonceCounts;
        this.throttle = throttle;
        this.offered = List.copyOf(offered);
        this.dummy = new StoredCredentials(randomHex(16), randomHex(32), false, false);
    }

    /** An authenticator over {@code lookup} configured by {@code settings}. */
    public static Authenticator create(CredentialLookup lookup, AuthSettings settings) {
        return new Authenticator(lookup, NonceIssuer.from(settings), new NonceCounts(settings.nonceLifetime()),
                FailureThrottle.from(settings), settings.algorithms());
    }

    public AuthOutcome authenticate(AuthAttempt attempt) {
        OptionalLong blocked = throttle.blockedFor(attempt.source(), attempt.now());
        if (blocked.isPresent()) {
            return new Throttled(blocked.getAsLong());
        }
        Optional<DigestCredentials> found;
        try {
            found = credentialsFor(attempt);
        } catch (MalformedCredentialsException e) {
            LOG.debug("malformed credentials from {}: {}", attempt.source(), e.getMessage());
            return fail(attempt, "", FailureReason.MALFORMED_CREDENTIALS);
        }
        if (found.isEmpty()) {
            // RFC 3261 §22.1: no credentials (or none for our realm) is the normal first request
            return challenge(attempt, false);
        }
        DigestCredentials credentials = found.get();
        Optional<StoredCredentials> account = lookup.find(credentials.username(), attempt.realm());
        StoredCredentials checkedAgainst = account.filter(StoredCredentials::enabled).orElse(dummy);
        boolean rightResponse = DigestVerifier.verify(credentials, attempt.method(), checkedAgainst);
        if (account.isEmpty()) {
            return fail(attempt, credentials.username(), FailureReason.UNKNOWN_USER);
        }
        if (!account.get().enabled()) {
            return fail(attempt, credentials.username(), FailureReason.ACCOUNT_DISABLED);
        }
        if (!offered.contains(credentials.algorithm())) {
            // a client answering a challenge we did not make is not to be trusted with a weaker algorithm
            return fail(attempt, credentials.username(), FailureReason.UNOFFERED_ALGORITHM);
        }
        if (!rightResponse) {
            return fail(attempt, credentials.username(), DigestVerifier.isSupportedQop(credentials.qop())
                    ? FailureReason.BAD_RESPONSE : FailureReason.UNSUPPORTED_QOP);
        }
        return checkNonce(attempt, credentials, account.get());
    }

    /** The response is right; the nonce decides between success and a stale challenge. */
    private AuthOutcome checkNonce(AuthAttempt attempt, DigestCredentials credentials, StoredCredentials account) {
        Instant now = attempt.now();
        // RFC 7616 §3.3: stale=true when the nonce is invalid but the digest valid (an old nonce, or one
        // issued before a restart with a random secret)
        if (nonces.check(credentials.nonce(), now) != NonceStatus.VALID) {
            return challenge(attempt, true);
        }
        Instant issuedAt = nonces.issuedAt(credentials.nonce()).orElseThrow();
        return switch (nonceCounts.accept(credentials.nonce(), issuedAt, credentials.nonceCountValue(), now)) {
            case REPLAYED -> fail(attempt, credentials.username(), FailureReason.REPLAYED_NONCE_COUNT);
            case FORGOTTEN -> challenge(attempt, true);
            case ACCEPTED -> {
                LOG.debug("authenticated {} in {} from {}", credentials.username(), attempt.realm(), attempt.source());
                yield new Authenticated(credentials.username(), attempt.realm(), account.admin());
            }
        };
    }

    /**
     * The credentials for the attempt's realm (RFC 3261 §22.3: a request may carry credentials for several
     * realms); empty if there are none.
     *
     * @throws MalformedCredentialsException if none is for the realm and at least one could not be parsed
     */
    private static Optional<DigestCredentials> credentialsFor(AuthAttempt attempt)
            throws MalformedCredentialsException {
        MalformedCredentialsException malformed = null;
        for (String value : attempt.credentials()) {
            if (!DigestCredentials.isDigestScheme(value)) {
                // RFC 3261 §22.1, RFC 4475 §3.3.7: credentials of a scheme we do not know are ignored, not refused
                continue;
            }
            try {
                DigestCredentials credentials = DigestCredentials.parse(value);
                if (credentials.realm().equals(attempt.realm())) {
                    return Optional.of(credentials);
                }
            } catch (MalformedCredentialsException e) {
                malformed = e;
            }
        }
        if (malformed != null) {
            throw malformed;
        }
        return Optional.empty();
    }

    private AuthOutcome fail(AuthAttempt attempt, String username, FailureReason reason) {
        throttle.recordFailure(new AuthFailure(attempt.source(), username, attempt.realm(), attempt.method(), reason),
                attempt.now());
        return challenge(attempt, false);
    }

    private Challenge challenge(AuthAttempt attempt, boolean stale) {
        String nonce = nonces.issue(attempt.now());
        return new Challenge(new DigestChallenge(attempt.realm(), nonce, stale, null, offered).headerValues());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
