package org.seed.sip.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 7616 §3.9.1: Mufasa's request, whose responses the RFC gives for MD5 and SHA-256. */
class Ha1Test {

    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void md5Ha1YieldsTheRfc7616ExampleResponse() throws Exception {
        String ha1 = Ha1.md5("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray());

        assertThat(response("MD5", ha1)).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void sha256Ha1YieldsTheRfc7616ExampleResponse() throws Exception {
        String ha1 = Ha1.sha256("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray());

        assertThat(response("SHA-256", ha1))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void passwordIsEncodedAsUtf8() throws Exception {
        assertThat(Ha1.md5("jos\u00e9", "example.com", "p\u00e4ss".toCharArray()))
                .isEqualTo(hex("MD5", "jos\u00e9:example.com:p\u00e4ss"));
    }

    /** RFC 7616 §3.4.1, qop=auth: H(HA1:nonce:nc:cnonce:qop:H(method:uri)). */
    private static String response(String algorithm, String ha1) throws Exception {
        String ha2 = hex(algorithm, "GET:/dir/index.html");
        return hex(algorithm, ha1 + ":" + NONCE + ":00000001:" + CNONCE + ":auth:" + ha2);
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
