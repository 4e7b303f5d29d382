package org.seed.sip.common.event.servlet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.event.EventHeader;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeRequest;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/** Turns the container's SUBSCRIBE into the event rules' values, and its dialog into a stored one. */
final class SubscribeParser {

    private SubscribeParser() {
    }

    static SubscribeRequest parse(SipServletRequest request) {
        String event = request.getHeader("Event");
        Iterator<String> accept = request.getHeaders("Accept");
        List<String> acceptValues = null;
        if (accept.hasNext()) {
            acceptValues = new ArrayList<>();
            accept.forEachRemaining(acceptValues::add);
        }
        int expires = request.getExpires();
        String bodyType = request.getContentLength() > 0 ? request.getContentType() : null;
        return new SubscribeRequest(event == null ? null : EventHeader.parse(event), acceptValues,
                expires < 0 ? null : expires, bodyType);
    }

    /** RFC 6665 §4.1.2.1 (RFC 3261 §8.1.1.8): the subscriber's Contact, where NOTIFYs go; empty if none. */
    static Optional<String> remoteTarget(SipServletRequest request) {
        try {
            Address contact = request.getAddressHeader("Contact");
            return contact == null || contact.isWildcard() ? Optional.empty()
                    : Optional.of(contact.getURI().toString());
        } catch (ServletParseException e) {
            return Optional.empty();
        }
    }

    /** Where the SUBSCRIBE came from: its connection's far end, or its datagram's source. */
    static Origin origin(SipServletRequest request) {
        return new Origin(request.getInitialRemoteAddr(), request.getInitialRemotePort(), request.getTransport());
    }

    /**
     * The subscription an accepted initial SUBSCRIBE makes (RFC 3261 §12.1.1: the UAS's dialog state).
     *
     * @param localTag the To tag of the 200 OK that accepts it
     */
    static SubscriptionRecord record(String id, String eventPackage, Resource resource, EventHeader event,
            SipServletRequest request, String localTag, Subscriber subscriber, Instant expiresAt) {
        List<String> routeSet = new ArrayList<>();
        request.getHeaders("Record-Route").forEachRemaining(routeSet::add);
        SubscriptionDialog dialog = new SubscriptionDialog(request.getCallId(), localTag,
                request.getFrom().getParameter("tag"), request.getTo().getURI().toString(),
                request.getFrom().getURI().toString(), remoteTarget(request).orElseThrow(), routeSet);
        return new SubscriptionRecord(id, eventPackage, resource.uri(), event.toString(), dialog, subscriber,
                origin(request), expiresAt, 0, 0, false);
    }
}
