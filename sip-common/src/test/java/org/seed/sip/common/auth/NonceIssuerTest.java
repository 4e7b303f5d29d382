package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonceIssuerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final byte[] SECRET = "a cluster-wide secret".getBytes(StandardCharsets.UTF_8);

    private final NonceIssuer issuer = new NonceIssuer(SECRET, Duration.ofSeconds(300));

    @Test
    void freshNonceIsValidThroughoutItsLifetime() {
        String nonce = issuer.issue(T0);

        assertThat(issuer.check(nonce, T0)).isEqualTo(NonceStatus.VALID);
        assertThat(issuer.check(nonce, T0.plusSeconds(300))).isEqualTo(NonceStatus.VALID);
        assertThat(issuer.issuedAt(nonce)).contains(T0);
    }

    @Test
    void nonceOlderThanItsLifetimeIsStale() {
        String nonce = issuer.issue(T0);

        assertThat(issuer.check(nonce, T0.plusSeconds(301))).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void nonceFromAClockFarAheadIsStale() {
        String nonce = issuer.issue(T0.plusSeconds(301));

        assertThat(issuer.check(nonce, T0)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void anotherNodeWithTheSameSecretAcceptsTheNonce() {
        NonceIssuer otherNode = new NonceIssuer(SECRET.clone(), Duration.ofSeconds(300));

        assertThat(otherNode.check(issuer.issue(T0), T0.plusSeconds(1))).isEqualTo(NonceStatus.VALID);
    }

    @Test
    void nonceOfAnotherSecretIsInvalid() {
        NonceIssuer other = new NonceIssuer("some other secret!".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(300));

        assertThat(issuer.check(other.issue(T0), T0)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void forgedIssueTimeIsInvalid() {
        byte[] bytes = Base64.getUrlDecoder().decode(issuer.issue(T0));
        bytes[7] ^= 1;
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(issuer.check(forged, T0)).isEqualTo(NonceStatus.INVALID);
        assertThat(issuer.issuedAt(forged)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "AAAA"})
    void garbledNonceIsInvalid(String nonce) {
        assertThat(issuer.check(nonce, T0)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void noncesIssuedAtTheSameInstantDiffer() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(issuer.issue(T0));
        }

        assertThat(nonces).hasSize(1000);
    }

    @Test
    void emptyConfiguredSecretMeansARandomOnePerIssuer() {
        AuthSettings settings = new AuthSettings(Duration.ofSeconds(300), "", 5, Duration.ofSeconds(60),
                Duration.ofSeconds(300));

        String nonce = NonceIssuer.from(settings).issue(T0);

        assertThat(NonceIssuer.from(settings).check(nonce, T0)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void configuredSecretIsSharedByEveryIssuer() {
        AuthSettings settings = new AuthSettings(Duration.ofSeconds(300), "0123456789abcdef", 5,
                Duration.ofSeconds(60), Duration.ofSeconds(300));

        String nonce = NonceIssuer.from(settings).issue(T0);

        assertThat(NonceIssuer.from(settings).check(nonce, T0)).isEqualTo(NonceStatus.VALID);
    }
}
