package org.seed.sip.common.servlet;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.seed.sip.common.auth.AuthAttempt;
import org.seed.sip.common.auth.AuthOutcome;
import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.auth.AuthOutcome.Challenge;
import org.seed.sip.common.auth.AuthOutcome.Throttled;
import org.seed.sip.common.auth.Authenticator;

/**
 * Digest authentication of a container request: reads the credentials, asks the {@link Authenticator},
 * and answers a challenge or a refusal itself. Do not call it for ACK or CANCEL, which cannot be
 * challenged (RFC 3261 §22.1).
 */
public final class SipAuthentication {

    /** Which side of RFC 3261 §22 the application plays. */
    public enum Role {
        /** RFC 3261 §22.2: a registrar or user agent server answers 401 with WWW-Authenticate. */
        REGISTRAR(SipServletResponse.SC_UNAUTHORIZED, "WWW-Authenticate", "Authorization"),
        /** RFC 3261 §22.3: a proxy (or a B2BUA acting for the domain) answers 407 with Proxy-Authenticate. */
        PROXY(SipServletResponse.SC_PROXY_AUTHENTICATION_REQUIRED, "Proxy-Authenticate", "Proxy-Authorization");

        private final int challengeStatus;
        private final String challengeHeader;
        private final String credentialsHeader;

        Role(int challengeStatus, String challengeHeader, String credentialsHeader) {
            this.challengeStatus = challengeStatus;
            this.challengeHeader = challengeHeader;
            this.credentialsHeader = credentialsHeader;
        }

        /**
         * The challenge header's name as {@code addHeader} must be given it to add a second challenge. Restcomm
         * treats WWW-Authenticate and Proxy-Authenticate as single-valued (its {@code JainSipUtils}
         * singleton list, matched case-sensitively), so {@code addHeader} would replace the SHA-256 challenge
         * with the MD5 one; RFC 8760 §2.4 needs both. Under a differently-cased name (header names are
         * case-insensitive, RFC 3261 §7.3.1) the container hands the header to JAIN-SIP, which appends it to
         * the challenge list and writes the canonical name on the wire.
         */
        String listedChallengeHeader() {
            return challengeHeader.toLowerCase(Locale.ROOT);
        }
    }

    private final Authenticator authenticator;
    private final Role role;

    public SipAuthentication(Authenticator authenticator, Role role) {
        this.authenticator = authenticator;
        this.role = role;
    }

    /**
     * The identity behind {@code request} in {@code realm}; or, having sent the challenge (401/407) or the
     * refusal (403 with Retry-After) already, empty.
     */
    public Optional<Authenticated> authenticate(SipServletRequest request, String realm) throws IOException {
        List<String> credentials = new ArrayList<>();
        request.getHeaders(role.credentialsHeader).forEachRemaining(credentials::add);
        AuthOutcome outcome = authenticator.authenticate(new AuthAttempt(request.getMethod(), realm, credentials,
                request.getInitialRemoteAddr(), Instant.now()));
        if (outcome instanceof Authenticated authenticated) {
            return Optional.of(authenticated);
        }
        SipServletResponse response;
        if (outcome instanceof Challenge challenge) {
            response = request.createResponse(role.challengeStatus);
            challenge.headerValues().forEach(value -> response.addHeader(role.listedChallengeHeader(), value));
        } else {
            response = request.createResponse(SipServletResponse.SC_FORBIDDEN, "Too Many Failed Attempts");
            response.setHeader("Retry-After", Long.toString(((Throttled) outcome).retryAfterSeconds()));
        }
        response.send();
        return Optional.empty();
    }
}
