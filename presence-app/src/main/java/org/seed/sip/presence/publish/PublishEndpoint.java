package org.seed.sip.presence.publish;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.event.EventHeader;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.AddressOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUBLISH (RFC 3903) of presence (RFC 3856 §6): the adapter between the container and {@link Publications}.
 * A PUBLISH keeps no session: the application session ends with the answer. One INFO line per transaction.
 */
public final class PublishEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PublishEndpoint.class);

    private final Publications publications;
    private final SipAuthentication authentication;

    public PublishEndpoint(Publications publications, SipAuthentication authentication) {
        this.publications = publications;
        this.authentication = authentication;
    }

    public void publish(SipServletRequest request) throws IOException {
        Optional<PublishOutcome> outcome = outcome(request);
        if (outcome.isPresent()) {
            answer(request, outcome.get());
        } else {
            LOG.info("PUBLISH {} from {}:{} -> challenged or refused", request.getRequestURI(),
                    request.getInitialRemoteAddr(), request.getInitialRemotePort());
        }
        request.getApplicationSession().invalidate();
    }

    /** The outcome to send; empty when authentication has answered already (407, or 403 when throttled). */
    private Optional<PublishOutcome> outcome(SipServletRequest request) throws IOException {
        Optional<AddressOfRecord> presentity = presentity(request.getRequestURI());
        if (presentity.isEmpty()) {
            return Optional.of(PublishOutcome.refuse(404, "No Presentity In Request-URI"));
        }
        PublishRequest publish = new PublishRequest(presentity.get(), event(request), mediaType(request),
                request.getRawContent(), request.getHeader("SIP-If-Match"),
                request.getHeader("Expires") == null ? null : request.getExpires());
        Optional<PublishOutcome> early = publications.beforeAuthentication(publish);
        if (early.isPresent()) {
            return early;
        }
        Optional<Authenticated> who = authentication.authenticate(request, publish.presentity().domain());
        return who.map(identity -> publications.publish(publish, identity));
    }

    /** RFC 3903 §6 step 1: the Request-URI names the presentity. */
    private static Optional<AddressOfRecord> presentity(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && !sip.getUser().isEmpty()) {
            return Optional.of(new AddressOfRecord(sip.getUser(), sip.getHost()));
        }
        return Optional.empty();
    }

    private static String event(SipServletRequest request) {
        String event = request.getHeader("Event");
        return event == null || event.isBlank() ? null : EventHeader.parse(event).packageName();
    }

    /** The body's media type without parameters, lower case; null without a body. */
    private static String mediaType(SipServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || request.getRawContent() == null) {
            return null;
        }
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static void answer(SipServletRequest request, PublishOutcome outcome) throws IOException {
        SipServletResponse response = request.createResponse(outcome.status(), outcome.reason());
        outcome.headers().forEach(response::setHeader);
        response.send();
        LOG.info("PUBLISH {} from {}:{} -> {} {} ({}{})", request.getRequestURI(), request.getInitialRemoteAddr(),
                request.getInitialRemotePort(), outcome.status(), outcome.reason(), outcome.what(),
                outcome.headers().containsKey("SIP-ETag") ? ", etag " + outcome.headers().get("SIP-ETag") : "");
    }
}
