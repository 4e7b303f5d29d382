package org.seed.sip.common.servlet;

import java.io.IOException;
import java.util.List;
import java.util.ListIterator;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;

import org.mobicents.servlet.sip.JainSipUtils;
import org.seed.sip.common.reach.Reach;

/**
 * Requests an application sends to a registered contact (a call's leg, an instant message): addressed as the
 * location service says ({@link Reach}), and sent over the phone's flow or connection by {@link #send}.
 */
public final class ContactRequests {

    private ContactRequests() {
    }

    /**
     * A new request of {@code method} from {@code from} to {@code to} in {@code session}: the contact as
     * Request-URI (RFC 3261 §16.5: the phone recognises its own URI), the registration's Path as Route headers
     * in their order (RFC 3327 §5.3).
     *
     * @throws ServletParseException the contact or its Path is no URI the container takes
     */
    public static SipServletRequest create(SipFactory factory, SipApplicationSession session, String method,
            Address from, Address to, Reach reach) throws ServletParseException {
        SipServletRequest request = factory.createRequest(session, method, from, to);
        request.setRequestURI(factory.createURI(reach.requestUri()));
        List<String> routes = reach.routeSet();
        for (ListIterator<String> route = routes.listIterator(routes.size()); route.hasPrevious();) {
            request.pushRoute(factory.createAddress(route.previous()));
        }
        return request;
    }

    /**
     * Makes {@code request} carry on {@code origin}, the request the application received: Max-Forwards one less
     * (RFC 3261 §16.6 step 3 applies to a B2BUA or relay as to a proxy, or two of them could loop for ever), and
     * JSR 289 §15.2.2's CONTINUE through the application router, which has no application after this one, so it
     * leaves the container; as a new request the router would hand it to the application again.
     */
    public static void continuing(SipServletRequest request, SipServletRequest origin) {
        request.setRoutingDirective(SipApplicationRoutingDirective.CONTINUE, origin);
        request.setMaxForwards(Math.max(0, origin.getMaxForwards() - 1));
    }

    /**
     * RFC 3428 §4: a MESSAGE makes no dialog and carries no Contact. Restcomm 3.2.0-37 adds one to every request
     * whose method is in {@code JainSipUtils.CONTACT_HEADER_METHODS}, when it is created and again when it is
     * sent, and refuses its removal (a JSR 289 system header). The table is the container's, so this is for the
     * whole process: the B2BUA's MESSAGEs relayed in a call lose their Contact too, as RFC 3428 wants. Called
     * while an application starts, before the container takes requests (the table is a plain TreeSet).
     */
    public static void messagesWithoutContact() {
        JainSipUtils.CONTACT_HEADER_METHODS.remove("MESSAGE");
    }

    /** Sends over the flow or NAT binding the phone is reached at, or as the container routes it. */
    public static void send(SipServletRequest request, Reach reach) throws IOException {
        SipNextHop.send(request, reach, reach.destination());
    }
}
