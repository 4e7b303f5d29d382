package org.seed.sip.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone's side of Digest with qop=auth (RFC 7616 §3.4.1), written from the RFC and independently of
 * the code under test, so tests do not check the verifier against itself.
 */
final class DigestClient {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

    private DigestClient() {
    }

    /** The nonce of a WWW-Authenticate or Proxy-Authenticate value. */
    static String nonceOf(String challenge) {
        Matcher matcher = NONCE.matcher(challenge);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no nonce in " + challenge);
        }
        return matcher.group(1);
    }

    /** {@code H(username:realm:password)}. */
    static String ha1(String javaAlgorithm, String username, String realm, String password) {
        return hex(javaAlgorithm, username + ":" + realm + ":" + password);
    }

    /**
     * An Authorization value answering {@code nonce}; {@code algorithmToken} null leaves the parameter out
     * (MD5).
     */
    static String authorization(String algorithmToken, String username, String password, String realm,
            String method, String uri, String nonce, String nc) {
        String javaAlgorithm = algorithmToken == null ? "MD5" : algorithmToken;
        String cnonce = "0a4f113b";
        String ha2 = hex(javaAlgorithm, method + ":" + uri);
        String response = hex(javaAlgorithm, ha1(javaAlgorithm, username, realm, password) + ":" + nonce + ":" + nc
                + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\"" + (algorithmToken == null ? "" : ", algorithm=" + algorithmToken)
                + ", cnonce=\"" + cnonce + "\", qop=auth, nc=" + nc;
    }

    private static String hex(String javaAlgorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaAlgorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
