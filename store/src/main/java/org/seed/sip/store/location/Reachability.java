package org.seed.sip.store.location;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sip.address.SipURI;
import javax.sip.address.URI;

import gov.nist.javax.sip.address.AddressFactoryImpl;

/**
 * Where a registered contact is reached (see {@link Reach}), decided from what the registrar stored: the
 * contact, its Path, the source of its REGISTER and its RFC 5626 instance and reg-id. In order:
 * <ol>
 * <li>a Path: through it (RFC 3327 §5.3); the received address is then the edge proxy's;</li>
 * <li>an outbound registration ({@code +sip.instance} and {@code reg-id}): over its flow only (RFC 5626 §5.3);</li>
 * <li>a REGISTER over TCP, TLS or WebSocket: over that connection, the contact over the same transport if
 *     it has closed (RFC 5626 §3.1: a phone behind NAT is reachable only over the connection it opened);</li>
 * <li>a UDP REGISTER from another address or port than its contact names: to where it came from (the phone
 *     is behind NAT, RFC 3581);</li>
 * <li>otherwise to the contact.</li>
 * </ol>
 */
final class Reachability {

    private static final List<String> CONNECTION_TRANSPORTS = List.of("TCP", "TLS", "WS", "WSS", "SCTP");
    /** RFC 3261 §19.1.2: the port of a URI without one. */
    private static final int SIP_PORT = 5060;
    private static final int SIPS_PORT = 5061;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Reachability() {
    }

    static Reach of(Location location) {
        String contact = location.contactUri();
        if (!location.path().isEmpty()) {
            return new Reach(contact, null, null, location.path(), Reach.Kind.PATH);
        }
        Location.Received received = location.received();
        String flow = flow(received);
        if (location.instanceId() != null && location.regId() != null) {
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

    /** The flow as a URI a SIP stack sends to: {@code sip:192.0.2.1:40123;transport=tls}. */
    static String flow(Location.Received received) {
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

    private static boolean sentFromItsContact(String contact, Location.Received received) {
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
        try {
            URI uri = new AddressFactoryImpl().createURI(contact);
            return uri instanceof SipURI sip ? sip : null;
        } catch (ParseException e) {
            return null;
        }
    }
}
