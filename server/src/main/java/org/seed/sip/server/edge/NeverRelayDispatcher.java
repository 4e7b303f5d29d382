package org.seed.sip.server.edge;

import java.text.ParseException;
import java.util.Set;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.URI;
import javax.sip.header.EventHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.AllowEvents;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import org.mobicents.servlet.sip.core.ApplicationRoutingHeaderComposer;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.core.dispatchers.MessageDispatcher;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restcomm's dispatcher, with two kinds of request answered before it sees them:
 * <ul>
 * <li>ACK, BYE, CANCEL, PRACK, INFO and UPDATE of no dialog, transaction or application: Restcomm never
 * routes these methods as initial requests (JSR 289 §15.2.2 names the first four), and forwards them
 * statelessly to a foreign Request-URI (its issue 823), a relay the application router cannot stop. They
 * get 481 (RFC 3261 §12.2.2, §9.2); an ACK is dropped (§17.2.1).</li>
 * <li>requests JAIN-SIP parsed but will not give a transaction (a mandatory header missing, RFC 3261
 * §8.1.1, RFC 6665 §8.2.3 Subscription-State): Restcomm answers those 500; they get 400 with a fixed
 * reason phrase. So does a Request-URI with headers, and another SIP version gets 505. A PUBLISH without
 * Event is one of those, but RFC 3903 §6 step 2 wants 489 for it: it gets 489 with the one event package
 * published here (presence, RFC 3856 §6).</li>
 * </ul>
 */
public class NeverRelayDispatcher extends SipApplicationDispatcherImpl {

    private static final Logger LOG = LoggerFactory.getLogger(NeverRelayDispatcher.class);
    /** Restcomm's list: ACK, BYE, CANCEL, PRACK, and also INFO and UPDATE. */
    private static final Set<String> NEVER_INITIAL = SipServletRequestImpl.NON_INITIAL_SIP_REQUEST_METHODS;
    private static final MessageFactoryImpl RESPONSES = new MessageFactoryImpl();
    /** What presence-app's PUBLISH takes (RFC 3856 §6); its Allow-Events when the Event is missing. */
    private static final String PUBLISHED_EVENT_PACKAGES = "presence";

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        addMissingMaxForwards(request);
        boolean answerable = !Request.ACK.equals(request.getMethod()) && event.getServerTransaction() == null;
        if (answerable && !"SIP/2.0".equals(((SIPRequest) request).getRequestLine().getSipVersion())) {
            // RFC 3261 §8.2.7 (JAIN-SIP checks this on UDP only)
            answer(event, Response.VERSION_NOT_SUPPORTED, "Version Not Supported");
            return;
        }
        if (answerable && Request.PUBLISH.equals(request.getMethod()) && request.getHeader(EventHeader.NAME) == null) {
            answer(event, Response.BAD_EVENT, "Bad Event", new AllowEvents(PUBLISHED_EVENT_PACKAGES));
            return;
        }
        if (answerable && isIncomplete(request)) {
            answer(event, Response.BAD_REQUEST, "Missing Required Header");
            return;
        }
        if (answerable && hasHeaders(request.getRequestURI())) {
            // RFC 3261 §19.1.1 table 1: a Request-URI has no headers component (RFC 4475 §3.1.2.11)
            answer(event, Response.BAD_REQUEST, "Malformed Request-URI");
            return;
        }
        if (NEVER_INITIAL.contains(request.getMethod()) && event.getDialog() == null && !belongsToUs(event)) {
            if (!Request.ACK.equals(request.getMethod())) {
                answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Call/Transaction Does Not Exist");
            }
            return;
        }
        super.processRequest(event);
    }

    /** Restcomm adds a missing Max-Forwards itself (old Cisco phones omit it); so must this check first. */
    private static void addMissingMaxForwards(Request request) {
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            try {
                request.setHeader(new MaxForwards(70));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What JAIN-SIP checks before it creates a server transaction. */
    private static boolean isIncomplete(Request request) {
        try {
            ((SIPRequest) request).checkHeaders();
            return false;
        } catch (ParseException e) {
            LOG.debug("{} refused: {}", request.getMethod(), e.getMessage());
            return true;
        }
    }

    private static boolean hasHeaders(URI uri) {
        return uri instanceof javax.sip.address.SipURI sip && sip.getHeaderNames().hasNext();
    }

    /** Whether a dialog-less request of those methods matches anything of this container. */
    private boolean belongsToUs(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.CANCEL.equals(request.getMethod())) {
            SIPTransactionStack stack = (SIPTransactionStack) ((SipProvider) event.getSource()).getSipStack();
            return stack.findCancelTransaction((SIPRequest) request, true) != null;
        }
        if (Request.ACK.equals(request.getMethod()) && event.getServerTransaction() != null) {
            return true;
        }
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return route != null && namesApplication(route.getAddress().getURI())
                || namesApplication(request.getRequestURI())
                || toTagNamesApplication(((ToHeader) request.getHeader(ToHeader.NAME)).getTag());
    }

    /** Restcomm's record-route and Request-URI marker of the application a request is for. */
    private static boolean namesApplication(URI uri) {
        return uri instanceof javax.sip.address.SipURI sip
                && sip.getParameter(MessageDispatcher.RR_PARAM_APPLICATION_NAME) != null;
    }

    /** Restcomm's To tags carry the server's and application's hashes; a stranger's tag names no application. */
    private boolean toTagNamesApplication(String tag) {
        try {
            return tag != null && ApplicationRoutingHeaderComposer.getAppNameAndSessionId(this, tag)[1] != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void answer(RequestEvent event, int status, String reason, Header... headers) {
        Request request = event.getRequest();
        SipProvider provider = (SipProvider) event.getSource();
        try {
            Response response = RESPONSES.createResponse(status, request);
            response.setReasonPhrase(reason);
            for (Header header : headers) {
                response.setHeader(header);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(Long.toHexString(System.nanoTime()));
            }
            ServerTransaction transaction = event.getServerTransaction();
            // a request JAIN-SIP refuses a transaction for is answered without one
            if (transaction == null && status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
                transaction = provider.getNewServerTransaction(request);
            }
            if (transaction != null) {
                transaction.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
            LOG.info("{} {} -> {} (matches nothing here; not forwarded)", request.getMethod(), request.getRequestURI(),
                    status);
        } catch (Exception e) {
            LOG.warn("could not answer {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
                    e.toString());
        }
    }
}
