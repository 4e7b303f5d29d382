package org.seed.sip.it;

import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;

/** A NOTIFY as a watcher reads it: the headers every event package's NOTIFYs have (RFC 6665 §8.2). */
class EventNotify {

    private final Request request;

    EventNotify(Request request) {
        this.request = request;
    }

    /** Whether the NOTIFY carries a header of that name. */
    boolean has(String header) {
        return request.getHeader(header) != null;
    }

    /** Its CSeq: each NOTIFY of a dialog one more than the previous (RFC 3261 §12.2.1.1). */
    long cseq() {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    String eventType() {
        return ((EventHeader) request.getHeader(EventHeader.NAME)).getEventType();
    }

    /** type/subtype, or null without a body. */
    String contentType() {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null ? null : type.getContentType() + "/" + type.getContentSubType();
    }

    /** The body, empty when there is none. */
    byte[] body() {
        byte[] body = request.getRawContent();
        return body == null ? new byte[0] : body;
    }

    /** active, pending, terminated. */
    String subscriptionState() {
        return subscriptionStateHeader().getState();
    }

    int subscriptionExpires() {
        return subscriptionStateHeader().getExpires();
    }

    String terminationReason() {
        return subscriptionStateHeader().getReasonCode();
    }

    private SubscriptionStateHeader subscriptionStateHeader() {
        return (SubscriptionStateHeader) request.getHeader(SubscriptionStateHeader.NAME);
    }

    @Override
    public String toString() {
        return request.getHeader(SubscriptionStateHeader.NAME) + new String(body());
    }
}
