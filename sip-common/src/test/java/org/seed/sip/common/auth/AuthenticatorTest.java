package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.auth.AuthOutcome.Challenge;
import org.seed.sip.common.auth.AuthOutcome.Throttled;

/**
 * The rules every application gets from {@link Authenticator}, played as a phone would: a first request
 * without credentials, then one answering the challenge.
 */
class AuthenticatorTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String REALM = "example.com";
    private static final String PHONE = "192.0.2.10";
    private static final String URI = "sip:example.com";
    private static final AuthSettings SETTINGS = new AuthSettings(Duration.ofSeconds(300), "", 3,
            Duration.ofSeconds(60), Duration.ofSeconds(300));

    private final List<String> lookups = new ArrayList<>();
    private final Map<String, StoredCredentials> accounts = Map.of(
            "alice", stored("alice", "secret", false, true),
            "admin", stored("admin", "root-pw", true, true),
            "carol", stored("carol", "secret", false, false));
    private final Authenticator authenticator = Authenticator.create((username, realm) -> {
        lookups.add(username);
        return REALM.equals(realm) ? Optional.ofNullable(accounts.get(username)) : Optional.empty();
    }, SETTINGS);

    private static StoredCredentials stored(String username, String password, boolean admin, boolean enabled) {
        return new StoredCredentials(DigestClient.ha1("MD5", username, REALM, password),
                DigestClient.ha1("SHA-256", username, REALM, password), admin, enabled);
    }

    private AuthOutcome register(Instant now, String... credentials) {
        return register(PHONE, now, credentials);
    }

    private AuthOutcome register(String source, Instant now, String... credentials) {
        return authenticator.authenticate(new AuthAttempt("REGISTER", REALM, List.of(credentials), source, now));
    }

    /** The nonce of a challenge this authenticator just issued. */
    private String freshNonce(Instant now) {
        return DigestClient.nonceOf(((Challenge) register("198.51.100.1", now)).headerValues().get(0));
    }

    private static String answer(String username, String password, String nonce, String nc) {
        return DigestClient.authorization("SHA-256", username, password, REALM, "REGISTER", URI, nonce, nc);
    }

    /** A challenge with its nonce blanked, to compare what two challenges reveal. */
    private static List<String> shape(AuthOutcome outcome) {
        assertThat(outcome).isInstanceOf(Challenge.class);
        return ((Challenge) outcome).headerValues().stream().map(v -> v.replaceAll("nonce=\"[^\"]*\"", "nonce=\"*\"")).toList();
    }

    @Test
    void requestWithoutCredentialsIsChallengedAndIsNoFailure() {
        for (int i = 0; i < 10; i++) {
            assertThat(shape(register(T0))).containsExactly(
                    "Digest realm=\"example.com\", nonce=\"*\", qop=\"auth\", algorithm=SHA-256",
                    "Digest realm=\"example.com\", nonce=\"*\", qop=\"auth\", algorithm=MD5");
        }
    }

    @ParameterizedTest(name = "algorithm={0}")
    @CsvSource(nullValues = "none", value = {"SHA-256", "MD5", "none"})
    void rightResponseAuthenticates(String algorithm) {
        String nonce = freshNonce(T0);
        String credentials = DigestClient.authorization(algorithm, "alice", "secret", REALM, "REGISTER", URI, nonce,
                "00000001");

        assertThat(register(T0.plusSeconds(1), credentials)).isEqualTo(new Authenticated("alice", REALM, false));
    }

    @Test
    void adminFlagComesWithTheIdentity() {
        assertThat(register(T0, answer("admin", "root-pw", freshNonce(T0), "00000001")))
                .isEqualTo(new Authenticated("admin", REALM, true));
    }

    @Test
    void unknownUserWrongPasswordAndDisabledAccountLookTheSameAndAllCountAsFailures() {
        List<List<String>> shapes = List.of(
                shape(register(T0, answer("mallory", "secret", freshNonce(T0), "00000001"))),
                shape(register(T0, answer("alice", "guess", freshNonce(T0), "00000001"))),
                shape(register(T0, answer("carol", "secret", freshNonce(T0), "00000001"))));

        assertThat(shapes).allSatisfy(shape -> assertThat(shape).isEqualTo(shapes.get(0)));
        assertThat(shapes.get(0)).noneMatch(value -> value.contains("stale"));
        assertThat(lookups).as("the unknown user was looked up like the others").contains("mallory");
        assertThat(register(T0, answer("alice", "secret", freshNonce(T0), "00000001")))
                .as("three failures block the source").isEqualTo(new Throttled(300));
    }

    @Test
    void staleNonceWithRightResponseGetsAStaleChallengeAndIsNoFailure() {
        String nonce = freshNonce(T0);
        Instant later = T0.plusSeconds(301);

        for (int i = 0; i < 5; i++) {
            assertThat(shape(register(later, answer("alice", "secret", nonce, "00000001"))))
                    .allSatisfy(value -> assertThat(value).endsWith(", stale=true"));
        }
    }

    @Test
    void staleNonceWithWrongResponseIsAFailure() {
        String nonce = freshNonce(T0);
        Instant later = T0.plusSeconds(301);

        for (int i = 0; i < 3; i++) {
            assertThat(shape(register(later, answer("alice", "guess", nonce, "00000001"))))
                    .noneMatch(value -> value.contains("stale"));
        }
        assertThat(register(later, answer("alice", "secret", nonce, "00000001"))).isInstanceOf(Throttled.class);
    }

    @Test
    void forgedNonceNeverAuthenticates() {
        String forged = Rfc7616Example.NONCE;

        assertThat(shape(register(T0, answer("alice", "secret", forged, "00000001"))))
                .as("right password, nonce not ours: RFC 7616 §3.3 stale").allMatch(v -> v.endsWith(", stale=true"));
        assertThat(shape(register(T0, answer("alice", "guess", forged, "00000001"))))
                .noneMatch(value -> value.contains("stale"));
    }

    @Test
    void replayedNonceCountIsRefusedAndAHigherOneAccepted() {
        String nonce = freshNonce(T0);
        String first = answer("alice", "secret", nonce, "00000001");
        assertThat(register(T0, first)).isInstanceOf(Authenticated.class);

        assertThat(register(T0.plusSeconds(1), first)).isInstanceOf(Challenge.class);
        assertThat(register(T0.plusSeconds(2), answer("alice", "secret", nonce, "00000002")))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void replaysCountAsFailures() {
        String first = answer("alice", "secret", freshNonce(T0), "00000001");
        register(T0, first);
        for (int i = 0; i < 3; i++) {
            register(T0, first);
        }

        assertThat(register(T0, answer("alice", "secret", freshNonce(T0), "00000001"))).isInstanceOf(Throttled.class);
    }

    @Test
    void credentialsForAnotherRealmAreChallengedAndAreNoFailure() {
        String otherRealm = DigestClient.authorization("MD5", "alice", "secret", "other.org", "REGISTER", URI,
                freshNonce(T0), "00000001");

        for (int i = 0; i < 5; i++) {
            assertThat(shape(register(T0, otherRealm))).noneMatch(value -> value.contains("stale"));
        }
        assertThat(lookups).isEmpty();
    }

    @Test
    void usesTheCredentialsForItsRealmAmongSeveral() {
        String nonce = freshNonce(T0);
        String otherRealm = DigestClient.authorization("MD5", "alice", "x", "other.org", "REGISTER", URI, nonce,
                "00000001");

        assertThat(register(T0, otherRealm, "Digest garbage", answer("alice", "secret", nonce, "00000001")))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void malformedCredentialsAreChallengedAndCountAsFailures() {
        for (int i = 0; i < 3; i++) {
            assertThat(register(T0, "Digest username=\"alice")).isInstanceOf(Challenge.class);
        }

        assertThat(register(T0)).isInstanceOf(Throttled.class);
    }

    @Test
    void credentialsOfAnUnknownSchemeAreChallengedAndAreNoFailure() {
        // RFC 4475 §3.3.7 (regaut01)
        for (int i = 0; i < 5; i++) {
            assertThat(register(T0, "NoOneKnowsThisScheme opaque-data=here")).isInstanceOf(Challenge.class);
        }

        assertThat(register(T0)).isInstanceOf(Challenge.class);
        assertThat(lookups).isEmpty();
    }

    @Test
    void credentialsWithoutQopAreRefused() {
        String nonce = freshNonce(T0);
        String rfc2069Style = answer("alice", "secret", nonce, "00000001").replace(", qop=auth", "");

        assertThat(register(T0, rfc2069Style)).isInstanceOf(Challenge.class);
    }

    @Test
    void blockedSourceIsRefusedBeforeAnyCheckUntilTheBlockEnds() {
        for (int i = 0; i < 3; i++) {
            register(T0, answer("alice", "guess", freshNonce(T0), "00000001"));
        }
        lookups.clear();

        assertThat(register(T0.plusSeconds(10), answer("alice", "secret", freshNonce(T0), "00000001")))
                .isEqualTo(new Throttled(290));
        assertThat(lookups).isEmpty();
        assertThat(register("192.0.2.99", T0.plusSeconds(10), answer("alice", "secret", freshNonce(T0), "00000001")))
                .as("another source").isInstanceOf(Authenticated.class);
        Instant afterBlock = T0.plusSeconds(300);
        assertThat(register(afterBlock, answer("alice", "secret", freshNonce(afterBlock), "00000001")))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void configuredAlgorithmsAreTheOnlyOnesOfferedAndAccepted() {
        AuthSettings md5Only = new AuthSettings(Duration.ofSeconds(300), "", 3, Duration.ofSeconds(60),
                Duration.ofSeconds(300), List.of(DigestAlgorithm.MD5));
        Authenticator legacy = Authenticator.create((username, realm) -> Optional.ofNullable(accounts.get(username)),
                md5Only);
        Challenge challenge = (Challenge) legacy.authenticate(new AuthAttempt("REGISTER", REALM, List.of(), PHONE, T0));
        String nonce = DigestClient.nonceOf(challenge.headerValues().get(0));

        AuthOutcome sha256 = legacy.authenticate(new AuthAttempt("REGISTER", REALM, List.of(
                DigestClient.authorization("SHA-256", "alice", "secret", REALM, "REGISTER", URI, nonce, "00000001")),
                PHONE, T0));
        AuthOutcome md5 = legacy.authenticate(new AuthAttempt("REGISTER", REALM, List.of(
                DigestClient.authorization("MD5", "alice", "secret", REALM, "REGISTER", URI, nonce, "00000002")),
                PHONE, T0));

        assertThat(challenge.headerValues()).singleElement().asString().endsWith("algorithm=MD5");
        assertThat(sha256).isInstanceOf(Challenge.class);
        assertThat(md5).isInstanceOf(Authenticated.class);
    }
}
