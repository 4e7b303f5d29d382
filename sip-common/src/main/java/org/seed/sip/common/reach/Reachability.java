package org.seed.sip.common.reach;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sip.address.SipURI;


import org.seed.sip.common.sip.SipUris;

/**
 * Where a phone is reached (see {@link Reach}): a registered contact, decided from what the registrar stored
 * (the contact, its Path, the source of its REGISTER and its RFC 5626 instance and reg-id), or the remote
 * target of a dialog it made (the Contact, route set and source of its SUBSCRIBE). In order:
 * <ol>
 * <li>a Path or route set: through it (RFC 3327 §5.3, RFC 3261 §12.2.1.1); the origin is then the edge
 *     proxy's;</li>
 * <li>an outbound registration ({@code +sip.instance} and {@code reg-id}) or a dialog whose remote target
 *     carries {@code ob}: over its flow only (RFC 5626 §5.3, §4.3);</li>
 * <li>a REGISTER over TCP, TLS or WebSocket: over that connection, the contact over the same transport if
 *     it has closed (RFC 5626 §3.1: a phone behind NAT is reachable only over the connection it opened);</li>
 * <li>a UDP REGISTER from another address or port than its contact names: to where it came from (the phone
 *     is behind NAT, RFC 3581);</li>
 * <li>otherwise to the contact.</li>
 * </ol>
 */
public final class Reachability {

    private static final List<String> CONNECTION_TRANSPORTS = List.of("TCP", "TLS", "WS", "WSS", "SCTP");
    /** RFC 3261 §19.1.2: the port of a URI without one. */
    private static final int SIP_PORT = 5060;
    private static final int SIPS_PORT = 5061;
    /** RFC 5626 §4.3: the Contact parameter asking that requests of the dialog use the flow. */
    private static final String OUTBOUND_PARAMETER = "ob";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Reachability() {
    }

    /**
     * @param contact  the registered contact, or the dialog's remote target
     * @param path     the registration's Path, or the dialog's route set; empty when none
     * @param received where the REGISTER or the dialog-forming request came from
     * @param outbound whether the phone asked for its flow only (RFC 5626)
     */
    public static Reach of(String contact, List<String> path, Origin received, boolean outbound) {
        if (!path.isEmpty()) {
            return new Reach(contact, null, null, path, Reach.Kind.PATH);
        }
        String flow = flow(received);
        if (outbound) {
            return new Reach(contact, flow, null, List.of(), Reach.Kind.OUTBOUND_FLOW);
        }
        String transport = received.transport().toUpperCase(Locale.ROOT);
        if (CONNECTION_TRANSPORTS.contains(transport)) {
            return new Reach(contact, flow, overTransport(contact, transport), List.of(), Reach.Kind.CONNECTION);
        }
        if (!sentFromItsContact(contact, received)) {
            return new Reach(contact, flow, null, List.of(), Reach.Kind.NAT);
        }
        return new Reach(contact, contact, null, List.of(), Reach.Kind.CONTACT);
    }

    /**
     * Where the requests of a dialog go (RFC 3261 §12.2.1.1), from what its dialog-forming request left: its
     * Contact, its Record-Route set and its origin. A remote target with {@code ob} asks for the flow the
     * request came on (RFC 5626 §4.3); a dialog of a request over TCP or TLS is otherwise reached over its
     * connection first, like a registration.
     */
    public static Reach ofDialog(String remoteTarget, List<String> routeSet, Origin received) {
        SipURI uri = sipUri(remoteTarget);
        return of(remoteTarget, routeSet, received, uri != null && uri.getParameter(OUTBOUND_PARAMETER) != null);
    }

    /** The flow as a URI a SIP stack sends to: {@code sip:192.0.2.1:40123;transport=tls}. */
    static String flow(Origin received) {
        String host = received.address().contains(":") && !received.address().startsWith("[")
                ? "[" + received.address() + "]"
                : received.address();
        return "sip:" + host + ":" + received.port() + ";transport=" + received.transport().toLowerCase(Locale.ROOT);
    }

    /**
     * The contact with the transport it registered over, when the contact names another (or none, which means
     * UDP for a sip: URI, RFC 3263 §4.1); a sips: contact already says TLS.
     */
    static String overTransport(String contact, String transport) {
        SipURI uri = sipUri(contact);
        if (uri == null || (uri.isSecure() && "TLS".equals(transport))) {
            return contact;
        }
        String named = uri.getTransportParam();
        if (named != null && named.equalsIgnoreCase(transport)) {
            return contact;
        }
        try {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        } catch (ParseException e) {
            return contact;
        }
        return uri.toString();
    }

    private static boolean sentFromItsContact(String contact, Origin received) {
        SipURI uri = sipUri(contact);
        if (uri == null) {
            return false;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.isSecure() ? SIPS_PORT : SIP_PORT;
        return port == received.port() && sameAddress(uri.getHost(), received.address());
    }

    /** Host names compare as text; IP literals as addresses ({@code [::1]} is {@code 0:0:0:0:0:0:0:1}). */
    private static boolean sameAddress(String contactHost, String receivedAddress) {
        String host = stripBrackets(contactHost);
        String address = stripBrackets(receivedAddress);
        if (host.equalsIgnoreCase(address)) {
            return true;
        }
        if (!isLiteral(host) || !isLiteral(address)) {
            return false;
        }
        try {
            // literals are parsed, never looked up
            return InetAddress.getByName(host).equals(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The contact parsed by JAIN-SIP, or null when it is not a SIP URI (a tel: contact reaches nobody here). */
    private static SipURI sipUri(String contact) {
        return SipUris.parse(contact).orElse(null);
    }
}
