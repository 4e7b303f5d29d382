package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.WWWAuthenticate;
import gov.nist.javax.sip.parser.WWWAuthenticateParser;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void offersSha256FirstThenMd5() {
        assertThat(DigestChallenge.of("example.com", "abc", false).headerValues()).containsExactly(
                "Digest realm=\"example.com\", nonce=\"abc\", qop=\"auth\", algorithm=SHA-256",
                "Digest realm=\"example.com\", nonce=\"abc\", qop=\"auth\", algorithm=MD5");
    }

    @Test
    void staleChallengeSaysSo() {
        assertThat(DigestChallenge.of("example.com", "abc", true).headerValues())
                .allSatisfy(value -> assertThat(value).endsWith(", stale=true"));
    }

    @Test
    void carriesAnOpaqueValueWhenGiven() {
        assertThat(new DigestChallenge("example.com", "abc", false, "xyz").headerValues())
                .allSatisfy(value -> assertThat(value).contains(", opaque=\"xyz\""));
    }

    @Test
    void realmIsAQuotedStringEvenWithQuotesInside() {
        assertThat(DigestChallenge.of("a\"b\\c", "abc", false).headerValues().get(0))
                .startsWith("Digest realm=\"a\\\"b\\\\c\", ");
    }

    @Test
    void theJainSipParserReadsTheChallengeBack() throws Exception {
        String value = new DigestChallenge("example.com", "abc", true, "xyz").headerValues().get(0);

        WWWAuthenticate parsed = (WWWAuthenticate) new WWWAuthenticateParser("WWW-Authenticate: " + value + "\n").parse();

        assertThat(parsed.getScheme()).isEqualTo("Digest");
        assertThat(parsed.getRealm()).isEqualTo("example.com");
        assertThat(parsed.getNonce()).isEqualTo("abc");
        assertThat(parsed.getQop()).isEqualTo("auth");
        assertThat(parsed.getAlgorithm()).isEqualTo("SHA-256");
        assertThat(parsed.getOpaque()).isEqualTo("xyz");
        assertThat(parsed.isStale()).isTrue();
    }
}
