package org.seed.sip.common.sip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3261 §26.2.2 and RFC 5630 §3: a {@code sips:} URI asks that every hop be secured with TLS. A request for a
 * {@code sips:} Request-URI, or a REGISTER binding a {@code sips:} Contact (which asks to be reached over TLS
 * only), that reached the platform over an unsecured hop has already broken that promise; honouring it would
 * let an attacker on the path downgrade the user silently. Both are refused with 416 (Unsupported URI Scheme,
 * RFC 3261 §21.4.13: the scheme cannot be served as received), a reason phrase saying which URI.
 */
public final class SipsTransport {

    /** The answer to such a request. */
    public record Refusal(int status, String reason) {
    }

    public static final int UNSUPPORTED_URI_SCHEME = 416;

    private SipsTransport() {
    }

    /** True for the transports that secure the hop: TLS, and WebSocket over TLS (RFC 7118). */
    public static boolean isSecure(String transport) {
        return transport != null && List.of("TLS", "WSS").contains(transport.toUpperCase(Locale.ROOT));
    }

    public static boolean isSips(String uri) {
        return uri != null && uri.trim().regionMatches(true, 0, "sips:", 0, 5);
    }

    /** The refusal of a request for {@code requestUri} that arrived over {@code transport}, if it is one. */
    public static Optional<Refusal> checkRequest(String requestUri, String transport) {
        if (isSips(requestUri) && !isSecure(transport)) {
            return Optional.of(new Refusal(UNSUPPORTED_URI_SCHEME, "SIPS Requires TLS"));
        }
        return Optional.empty();
    }

    /** As {@link #checkRequest}, and for a REGISTER's Contacts: a sips: contact registers over TLS only. */
    public static Optional<Refusal> checkRegister(String requestUri, List<String> contacts, String transport) {
        Optional<Refusal> refusal = checkRequest(requestUri, transport);
        if (refusal.isEmpty() && !isSecure(transport) && contacts.stream().anyMatch(SipsTransport::isSips)) {
            return Optional.of(new Refusal(UNSUPPORTED_URI_SCHEME, "SIPS Contact Requires TLS"));
        }
        return refusal;
    }
}
