package org.seed.sip.common.reach;

import java.util.List;

/**
 * How a request reaches one registered contact: what the B2BUA, presence and conference put in the
 * Request-URI and Route headers, and where they send it. The names follow what SIP proxies call these
 * (Kamailio's {@code $ru}, {@code $du} and route set).
 *
 * @param requestUri  the registered contact, unchanged: the phone recognises its own URI (RFC 3261 §16.5)
 * @param destination where to send the request when the route set is empty, as a SIP URI: the flow the
 *                    registration came on ({@code sip:addr:port;transport=...}) or the contact itself; null
 *                    when Path gives a route set, whose first entry is then the next hop
 * @param fallback    where to try when {@code destination}, a connection the phone opened, has closed: the
 *                    contact, over the transport it registered with; null when there is no other way (an
 *                    RFC 5626 flow, a phone behind NAT) or no need
 * @param routeSet    the Path of the registration (RFC 3327 §5.3), pushed as Route headers in this order
 * @param kind        which rule chose the destination
 */
public record Reach(String requestUri, String destination, String fallback, List<String> routeSet, Kind kind) {

    public Reach {
        routeSet = List.copyOf(routeSet);
    }

    /** Why the request goes where it goes. */
    public enum Kind {
        /** RFC 3327: through the proxies that recorded the Path; the edge proxy holds the phone's flow. */
        PATH,
        /** RFC 5626 §5.3: over the flow the REGISTER arrived on, and only that flow (430 when it is gone). */
        OUTBOUND_FLOW,
        /** Over the TCP, TLS or WebSocket connection the phone registered on, which the phone keeps open. */
        CONNECTION,
        /** RFC 3581: to the address and port the UDP REGISTER came from, where the NAT forwards to the phone. */
        NAT,
        /** To the contact itself: the phone registered from the address its contact names. */
        CONTACT
    }
}
