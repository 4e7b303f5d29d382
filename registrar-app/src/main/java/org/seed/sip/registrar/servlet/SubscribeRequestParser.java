package org.seed.sip.registrar.servlet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.regevent.rules.EventHeader;
import org.seed.sip.registrar.regevent.rules.SubscribeRequest;

/** Turns the container's SUBSCRIBE into the reg event rules' {@link SubscribeRequest}. */
final class SubscribeRequestParser {

    private SubscribeRequestParser() {
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
        return new SubscribeRequest(event == null ? null : EventHeader.parse(event), acceptValues,
                expires < 0 ? null : expires);
    }

    /** RFC 3680 §4: the Request-URI names the AOR whose registrations are watched; empty if it names none. */
    static Optional<AddressOfRecord> aor(SipServletRequest request) {
        try {
            return Optional.of(AddressOfRecord.parse(request.getRequestURI().toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
