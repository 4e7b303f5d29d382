package org.seed.sip.server.edge;

import java.text.ParseException;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;

/**
 * The parts of a message whose parse error makes JAIN-SIP refuse it (UDPMessageChannel
 * {@code handleException}: the start line and the headers a transaction needs), each with the fixed text
 * its 400 carries.
 */
enum MalformedPart {
    REQUEST_LINE(RequestLine.class, "Malformed Request-Line"),
    STATUS_LINE(StatusLine.class, "Malformed Status-Line"),
    VIA(Via.class, "Malformed Via"),
    FROM(From.class, "Malformed From"),
    TO(To.class, "Malformed To"),
    CALL_ID(CallID.class, "Malformed Call-ID"),
    CSEQ(CSeq.class, "Malformed CSeq"),
    CONTENT_LENGTH(ContentLength.class, "Malformed Content-Length"),
    MESSAGE(null, "Malformed Message");

    private final Class<?> headerClass;
    private final String reason;

    MalformedPart(Class<?> headerClass, String reason) {
        this.headerClass = headerClass;
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static MalformedPart of(Class<?> headerClass) {
        for (MalformedPart part : values()) {
            if (part.headerClass != null && part.headerClass.equals(headerClass)) {
                return part;
            }
        }
        return MESSAGE;
    }

    static boolean isFixed(ParseException e) {
        for (MalformedPart part : values()) {
            if (part.reason.equals(e.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
