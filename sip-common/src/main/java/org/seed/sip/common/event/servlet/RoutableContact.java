package org.seed.sip.common.event.servlet;

import java.util.Locale;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;

/**
 * A Contact that brings the subscriber's next requests of a dialog back to this application session, for a
 * dialog whose local tag the container of a previous run generated.
 * <p>
 * Restcomm routes a request it knows the dialog of by its To tag ({@code random_serverIdHash_appNameHash_
 * appSessionId}, {@code ApplicationRoutingHeaderComposer}); the server id is a new random UUID at every start
 * ({@code SipApplicationDispatcherImpl}), so a tag of the previous run routes nowhere and the request gets a
 * 481. When the tag names no application, {@code SubsequentRequestDispatcher} looks for {@code appname} (the
 * hashed application name) and {@code app_id} (the application session's id) in the Request-URI instead
 * ("Issue 2850"); the Request-URI of the subscriber's next request is the Contact this one carries (RFC 3261
 * §12.2.1.2 target refresh).
 */
final class RoutableContact {

    private static final String TAG_SEPARATOR = "_";
    /** {@code SessionManagerUtil.SESSION_KEY_SEPARATOR}: an application session's id is {@code uuid;name}. */
    private static final String SESSION_KEY_SEPARATOR = ";";

    private RoutableContact() {
    }

    /**
     * The Contact for the answer to {@code request} (a SUBSCRIBE carrying the dialog's local tag in To) and
     * the NOTIFYs after it; empty if the tag is not one of Restcomm's.
     */
    static Optional<String> of(SipServletRequest request, String localTag) {
        String[] tokens = localTag.split(TAG_SEPARATOR);
        if (tokens.length < 3) {
            return Optional.empty();
        }
        String hashedApplicationName = tokens[2];
        String applicationSessionId = request.getApplicationSession().getId().split(SESSION_KEY_SEPARATOR)[0];
        String transport = request.getTransport();
        return Optional.of("<sip:" + host(request.getLocalAddr()) + ":" + request.getLocalPort()
                + (transport == null || "udp".equalsIgnoreCase(transport) ? "" : ";transport=" + transport.toLowerCase(Locale.ROOT))
                + ";appname=" + hashedApplicationName + ";app_id=" + applicationSessionId + ">");
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
