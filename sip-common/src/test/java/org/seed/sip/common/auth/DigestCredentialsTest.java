package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsTest {

    @Test
    void parsesEveryParameterOfTheRfc7616Example() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(Rfc7616Example.authorization("sha256"));

        assertThat(credentials).isEqualTo(new DigestCredentials(Rfc7616Example.USERNAME, Rfc7616Example.REALM,
                Rfc7616Example.NONCE, Rfc7616Example.URI, Rfc7616Example.SHA256_RESPONSE, DigestAlgorithm.SHA_256,
                Rfc7616Example.CNONCE, "auth", "00000001", Rfc7616Example.OPAQUE));
        assertThat(credentials.nonceCountValue()).isEqualTo(1);
    }

    @Test
    void absentAlgorithmMeansMd5() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                        + "uri=\"sip:bob@biloxi.com\", response=\"245f23415f11432b3434341c022\"");

        assertThat(credentials.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(credentials.uri()).isEqualTo("sip:bob@biloxi.com");
        assertThat(credentials.qop()).isNull();
        assertThat(credentials.nonceCountValue()).isEqualTo(-1);
    }

    @Test
    void schemeAndAlgorithmAreCaseInsensitiveAndNcIsHex() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse("digest username=\"a\", realm=\"r\", nonce=\"n\", "
                + "uri=\"sip:r\", response=\"00\", algorithm=sha-256, qop=\"auth\", cnonce=\"c\", nc=0000001f");

        assertThat(credentials.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(credentials.nonceCountValue()).isEqualTo(31);
        assertThat(credentials.qop()).isEqualTo("auth");
    }

    @Test
    void quotedPairsStandForTheEscapedCharacter() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"al\\\"ice\\\\\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"");

        assertThat(credentials.username()).isEqualTo("al\"ice\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        "garbage ,,, ===",
        "Digest username=\"unterminated",
        "Digest realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"",
        "Digest username=\"\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"",
        "Digest username=\"a\", nonce=\"n\", uri=\"sip:r\", response=\"00\"",
        "Digest username=\"a\", realm=\"r\", uri=\"sip:r\", response=\"00\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", response=\"00\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\"",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", algorithm=MD5-sess",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", algorithm=SHA-512-256",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", nc=zz",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", nc=1",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"\r\nVia: SIP/2.0/UDP evil",
        "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\"\nX: y",
    })
    void refusesMalformedCredentials(String value) {
        assertThatThrownBy(() -> DigestCredentials.parse(value)).isInstanceOf(MalformedCredentialsException.class);
    }
}
