package org.seed.sip.store.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The digest "HA1" of RFC 7616 §3.4.2: {@code H(username ":" realm ":" password)} as lower-case hex.
 * Storing HA1 instead of the password lets the registrar check Digest responses without ever holding the
 * password; it is computed for MD5 (RFC 2617, what most SIP phones send) and SHA-256 (RFC 7616, RFC 8760).
 */
public final class Ha1 {

    private Ha1() {
    }

    public static String md5(String username, String realm, char[] password) {
        return hex("MD5", username, realm, password);
    }

    public static String sha256(String username, String realm, char[] password) {
        return hex("SHA-256", username, realm, password);
    }

    private static String hex(String algorithm, String username, String realm, char[] password) {
        MessageDigest digest = digest(algorithm);
        digest.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        // encode the password without making it a String, and wipe the bytes once they are digested
        ByteBuffer passwordBytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            digest.update(passwordBytes.duplicate());
        } finally {
            Arrays.fill(passwordBytes.array(), (byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide MD5 and SHA-256 (MessageDigest javadoc)
            throw new IllegalStateException(algorithm + " missing from this Java runtime", e);
        }
    }
}
