package org.seed.sip.it.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sip.header.WWWAuthenticateHeader;

/**
 * The phone's side of digest authentication (RFC 7616 §3.4, qop=auth), written independently of the
 * platform's code so that the tests check one implementation against another.
 */
public final class DigestAnswer {

    private DigestAnswer() {
    }

    /**
     * The Authorization (or Proxy-Authorization) value answering {@code challenge}.
     *
     * @param nonceCount the nc to send; a replay test sends the same one twice
     */
    public static String answer(WWWAuthenticateHeader challenge, String method, String uri, String user,
            String password, int nonceCount) {
        String algorithm = challenge.getAlgorithm() == null ? "MD5" : challenge.getAlgorithm();
        String realm = challenge.getRealm();
        String nonce = challenge.getNonce();
        String nc = String.format("%08x", nonceCount);
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        StringBuilder value = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response)
                .append("\", algorithm=").append(algorithm)
                .append(", cnonce=\"").append(cnonce)
                .append("\", qop=auth, nc=").append(nc);
        if (challenge.getOpaque() != null) {
            value.append(", opaque=\"").append(challenge.getOpaque()).append('"');
        }
        return value.toString();
    }

    private static String hash(String algorithm, String text) {
        String javaName = "SHA-256".equalsIgnoreCase(algorithm) ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
