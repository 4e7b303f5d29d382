package org.seed.sip.common.auth;

import gov.nist.javax.sip.header.AuthenticationHeader;
import gov.nist.javax.sip.parser.AuthorizationParser;
import java.text.ParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Digest credentials of one Authorization or Proxy-Authorization header (RFC 3261 §22.4, RFC 7616
 * §3.4). Quoted values are unquoted; optional parameters the client left out are {@code null}.
 *
 * @param nonceCount the {@code nc} parameter exactly as sent (8 hex digits), as it enters the response
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        DigestAlgorithm algorithm, String cnonce, String qop, String nonceCount, String opaque) {

    // RFC 3261 §25.1: nc-value = 8LHEX
    private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** Whether {@code headerValue} names the Digest scheme (RFC 3261 §25.1: the scheme is a case-insensitive token). */
    public static boolean isDigestScheme(String headerValue) {
        String trimmed = headerValue == null ? "" : headerValue.trim();
        return trimmed.regionMatches(true, 0, "Digest", 0, 6)
                && (trimmed.length() == 6 || Character.isWhitespace(trimmed.charAt(6)));
    }

    /**
     * Parses a header value such as {@code Digest username="alice", realm="example.com", ...} with the
     * JAIN-SIP parser.
     *
     * @throws MalformedCredentialsException if it is not Digest, cannot be parsed, lacks a required
     *                                       parameter or names an algorithm other than MD5 and SHA-256
     */
    public static DigestCredentials parse(String headerValue) throws MalformedCredentialsException {
        if (headerValue == null || headerValue.isBlank()) {
            throw new MalformedCredentialsException("empty credentials");
        }
        if (headerValue.indexOf('\r') >= 0 || headerValue.indexOf('\n') >= 0) {
            throw new MalformedCredentialsException("line break inside credentials");
        }
        AuthenticationHeader header;
        try {
            // RFC 3261 §25.1: Authorization and Proxy-Authorization share the credentials grammar
            header = (AuthenticationHeader) new AuthorizationParser("Authorization: " + headerValue + "\n").parse();
        } catch (ParseException e) {
            throw new MalformedCredentialsException("unparsable credentials", e);
        }
        // RFC 3261 §22.4: Digest is the only scheme SIP uses
        if (!"Digest".equalsIgnoreCase(header.getScheme())) {
            throw new MalformedCredentialsException("not Digest credentials");
        }
        String algorithmToken = parameter(header, "algorithm");
        // RFC 7616 §3.3: no algorithm parameter means MD5
        DigestAlgorithm algorithm = algorithmToken == null ? DigestAlgorithm.MD5
                : DigestAlgorithm.fromToken(algorithmToken).orElseThrow(
                        () -> new MalformedCredentialsException("unsupported algorithm"));
        String nonceCount = parameter(header, "nc");
        if (nonceCount != null && !NONCE_COUNT.matcher(nonceCount).matches()) {
            throw new MalformedCredentialsException("nc is not 8 hex digits");
        }
        return new DigestCredentials(required(header, "username"), required(header, "realm"),
                required(header, "nonce"), required(header, "uri"), required(header, "response"), algorithm,
                parameter(header, "cnonce"), parameter(header, "qop"), nonceCount, parameter(header, "opaque"));
    }

    /** The {@code nc} value as a number, for replay checks; -1 when absent. */
    public long nonceCountValue() {
        return nonceCount == null ? -1 : Long.parseLong(nonceCount, 16);
    }

    private static String required(AuthenticationHeader header, String name) throws MalformedCredentialsException {
        String value = parameter(header, name);
        if (value == null || value.isEmpty()) {
            throw new MalformedCredentialsException("credentials without " + name);
        }
        return value;
    }

    /**
     * The parameter, unquoted: the parser drops the quotes but keeps quoted-pairs (RFC 3261 §25.1:
     * quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)), which stand for the character after the backslash.
     */
    private static String parameter(AuthenticationHeader header, String name) {
        String value = header.getParameter(name);
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder unescaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            unescaped.append(c);
        }
        return unescaped.toString();
    }
}
