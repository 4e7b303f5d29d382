package org.seed.sip.common.servlet;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.sip.SipServletRequest;
import javax.sip.ListeningPoint;
import javax.sip.address.SipURI;

import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.sip.SipUris;

import gov.nist.javax.sip.stack.HopImpl;

/**
 * Sends a request to a next hop the application chose, keeping its Request-URI and Route headers: what
 * Kamailio calls the destination URI ({@code $du}), here a flow ({@code sip:192.0.2.1:40123;transport=tls}).
 * <p>
 * JSR 289 has no call for it: {@code pushRoute} is refused on a request inside a dialog (§11.1.3), and would
 * leave a Route naming the phone itself on the wire. Restcomm 3.2.0-37's own {@code send()} resolves the next
 * hop by RFC 3263 and calls {@code SipServletRequestImpl.send(Hop)}, which adds that hop as a Route marked
 * {@code dns_route} that its router ({@code DNSAwareRouter}) takes off again before the request leaves; JAIN-SIP
 * then sends over the connection it holds for that address, port and transport, if any. See
 * docs/design-notes.md "NOTIFYs over the subscriber's connection".
 */
public final class SipNextHop {

    /** RFC 3261 §19.1.2: the port of a URI without one. */
    private static final int SIP_PORT = 5060;
    private static final int SIPS_PORT = 5061;

    private SipNextHop() {
    }

    /**
     * Sends to {@code destination} what must go there (a flow, a NAT binding); a request whose route set names
     * its next hop, or whose contact is where the phone is, the container sends as usual (RFC 3263 resolution
     * of that URI).
     */
    public static void send(SipServletRequest request, Reach reach, String destination) throws IOException {
        if (destination == null || reach.kind() == Reach.Kind.CONTACT) {
            request.send();
        } else {
            send(request, destination);
        }
    }

    /**
     * Sends {@code request} to {@code destination}, a SIP URI whose host, port and transport are the next hop.
     *
     * @throws IOException           the transport refused the request
     * @throws IllegalStateException the container cannot send it (not Restcomm's request, or a send error)
     */
    public static void send(SipServletRequest request, String destination) throws IOException {
        if (!(request instanceof SipServletRequestImpl container)) {
            throw new IllegalStateException("not a request of Restcomm: " + request.getClass().getName());
        }
        SipURI uri = sipUri(destination);
        String transport = uri.getTransportParam() != null ? uri.getTransportParam().toUpperCase(Locale.ROOT)
                : uri.isSecure() ? ListeningPoint.TLS : ListeningPoint.UDP;
        int port = uri.getPort() > 0 ? uri.getPort() : ListeningPoint.TLS.equals(transport) ? SIPS_PORT : SIP_PORT;
        container.send(new HopImpl(uri.getHost(), port, transport));
    }

    private static SipURI sipUri(String destination) {
        return SipUris.parse(destination)
                .orElseThrow(() -> new IllegalArgumentException("not a SIP URI: " + destination));
    }
}
