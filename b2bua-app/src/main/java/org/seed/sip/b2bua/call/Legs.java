package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.util.List;
import java.util.ListIterator;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;

import org.seed.sip.b2bua.service.Target;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.servlet.SipNextHop;

/** The requests the B2BUA sends out of a request it received: a call's legs, an OPTIONS asked of a phone. */
final class Legs {

    private Legs() {
    }

    /**
     * A new request of {@code method} from {@code origin}'s caller to {@code target}, in {@code origin}'s
     * application session: its From and To, Max-Forwards one less (RFC 3261 §16.6 step 3 applies to a B2BUA
     * as to a proxy, or two of them could loop for ever), its body and end-to-end headers.
     *
     * @throws ServletParseException the target or its Path is no URI the container takes
     */
    static SipServletRequest create(SipFactory factory, SipServletRequest origin, String method, Target target)
            throws ServletParseException, IOException {
        SipServletRequest request = factory.createRequest(origin.getApplicationSession(), method, origin.getFrom(),
                origin.getTo());
        request.setRequestURI(factory.createURI(target.reach().requestUri()));
        List<String> routes = target.reach().routeSet();
        for (ListIterator<String> route = routes.listIterator(routes.size()); route.hasPrevious();) {
            request.pushRoute(factory.createAddress(route.previous()));
        }
        // JSR 289 §15.2.2: the request continues the received one through the application router, which has
        // no application after this one, so it leaves the container; as a new request the router would hand
        // it to this application again, as a call of the caller's own to authenticate
        request.setRoutingDirective(SipApplicationRoutingDirective.CONTINUE, origin);
        request.setMaxForwards(Math.max(0, origin.getMaxForwards() - 1));
        MessageCopy.copy(origin, request);
        return request;
    }

    /** Sends over the flow or NAT binding the phone is reached at, or as the container routes it. */
    static void send(SipServletRequest request, Reach reach) throws IOException {
        SipNextHop.send(request, reach, reach.destination());
    }
}
