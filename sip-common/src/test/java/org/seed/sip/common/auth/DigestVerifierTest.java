package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestVerifierTest {

    private static final StoredCredentials MUFASA = Rfc7616Example.storedCredentials();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha256", "md5"})
    void acceptsTheRfc7616ExampleResponses(String example) throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(Rfc7616Example.authorization(example));

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, MUFASA)).isTrue();
    }

    @Test
    void picksTheHa1OfTheCredentialsAlgorithm() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(Rfc7616Example.authorization("sha256"));
        StoredCredentials onlyMd5Right = new StoredCredentials(MUFASA.ha1Md5(), "0".repeat(64), false, true);

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, onlyMd5Right)).isFalse();
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(Rfc7616Example.authorization("sha256"));
        StoredCredentials other = new StoredCredentials(
                DigestClient.ha1("MD5", "Mufasa", Rfc7616Example.REALM, "Circle of Strife"),
                DigestClient.ha1("SHA-256", "Mufasa", Rfc7616Example.REALM, "Circle of Strife"), false, true);

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, other)).isFalse();
    }

    @Test
    void theMethodIsPartOfTheDigest() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(Rfc7616Example.authorization("md5"));

        assertThat(DigestVerifier.verify(credentials, "POST", MUFASA)).isFalse();
    }

    @Test
    void acceptsAnUpperCaseHexResponse() {
        DigestCredentials credentials = new DigestCredentials(Rfc7616Example.USERNAME, Rfc7616Example.REALM,
                Rfc7616Example.NONCE, Rfc7616Example.URI, Rfc7616Example.MD5_RESPONSE.toUpperCase(),
                DigestAlgorithm.MD5, Rfc7616Example.CNONCE, "auth", "00000001", null);

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, MUFASA)).isTrue();
    }

    /** Only qop=auth is offered; without cnonce or nc the response cannot be qop=auth's. */
    @ParameterizedTest(name = "qop={0} cnonce={1} nc={2}")
    @CsvSource(nullValues = "null", value = {
        "null,     f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ, 00000001",
        "auth-int, f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ, 00000001",
        "auth,     null,                                         00000001",
        "auth,     f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ, null",
    })
    void refusesAnythingButQopAuthWithCnonceAndNc(String qop, String cnonce, String nc) {
        DigestCredentials credentials = new DigestCredentials(Rfc7616Example.USERNAME, Rfc7616Example.REALM,
                Rfc7616Example.NONCE, Rfc7616Example.URI, Rfc7616Example.MD5_RESPONSE, DigestAlgorithm.MD5,
                cnonce, qop, nc, null);

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, MUFASA)).isFalse();
    }

    /** auth-int would digest the body too (RFC 7616 §3.4.3); a response computed as if it did not is refused. */
    @Test
    void refusesAuthIntEvenWhenTheResponseMatchesItsQopValue() {
        String ha2 = DigestAlgorithm.MD5.hash(Rfc7616Example.METHOD + ":" + Rfc7616Example.URI);
        String response = DigestAlgorithm.MD5.hash(MUFASA.ha1Md5() + ":" + Rfc7616Example.NONCE + ":00000001:"
                + Rfc7616Example.CNONCE + ":auth-int:" + ha2);
        DigestCredentials credentials = new DigestCredentials(Rfc7616Example.USERNAME, Rfc7616Example.REALM,
                Rfc7616Example.NONCE, Rfc7616Example.URI, response, DigestAlgorithm.MD5, Rfc7616Example.CNONCE,
                "auth-int", "00000001", null);

        assertThat(DigestVerifier.verify(credentials, Rfc7616Example.METHOD, MUFASA)).isFalse();
    }
}
