package org.seed.sip.it.phone;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The pieces of the messages a {@link Softphone} writes in calls: bodies, extra headers written as
 * {@code "Name: value"}, and responses that carry what a user agent's answers need (To tag, Contact, Allow).
 */
final class CallMessages {

    /** What the phone accepts in a dialog, so the far side knows it may send UPDATE, INFO, REFER (RFC 3261 §20.5). */
    private static final List<String> ALLOW = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "PRACK",
            "UPDATE", "INFO", "REFER", "NOTIFY");

    private final TestPhone phone;

    CallMessages(TestPhone phone) {
        this.phone = phone;
    }

    /** Adds each {@code "Name: value"} of {@code headers} to {@code message}. */
    void addHeaders(Message message, String... headers) {
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a \"Name: value\" header: " + header);
            }
            phone.addHeader(message, header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
    }

    /** One Allow per method: JAIN-SIP's header factory parses a single Allow value only. */
    void allow(Message message) {
        ALLOW.forEach(method -> phone.addHeader(message, "Allow", method));
    }

    /** Sets {@code body} as the content of {@code message}; a null body leaves it without one. */
    void setBody(Message message, String contentType, String body) {
        if (body == null) {
            return;
        }
        String[] type = contentType.split("/", 2);
        try {
            ContentTypeHeader header = phone.headers().createContentTypeHeader(type[0], type[1]);
            message.setContent(body, header);
        } catch (ParseException e) {
            throw new IllegalArgumentException(contentType, e);
        }
    }

    void setSdp(Message message, String sdp) {
        setBody(message, "application/sdp", sdp);
    }

    /**
     * The {@code status} answer to {@code request} with {@code sdp} (or none): tagged with {@code toTag} when the
     * request had no To tag yet, with Contact and Allow when it answers an INVITE or UPDATE, as a UAS's
     * dialog-creating and target-refresh answers must (RFC 3261 §12.1.1, RFC 3311 §5.2), with Allow and Accept
     * when it answers an OPTIONS (RFC 3261 §11.2).
     */
    Response response(Request request, int status, String toTag, String sdp, String... headers) {
        try {
            Response response = phone.messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null && toTag != null && status > 100) {
                to.setTag(toTag);
            }
            String method = request.getMethod();
            if (status > 100 && status < 300 && (Request.INVITE.equals(method) || Request.UPDATE.equals(method))) {
                response.setHeader(contact());
                allow(response);
            }
            if (status / 100 == 2 && Request.OPTIONS.equals(method)) {
                allow(response);
                phone.setHeader(response, "Accept", "application/sdp");
            }
            addHeaders(response, headers);
            setSdp(response, sdp);
            return response;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }

    /** The phone's own Contact, its remote target for the far side (RFC 3261 §12.1). */
    ContactHeader contact() throws ParseException {
        return phone.headers().createContactHeader(phone.addresses().createAddress(phone.contactUri()));
    }

    /** The body of {@code message} as text, or null when it has none. */
    static String body(Message message) {
        byte[] content = message.getRawContent();
        return content == null || content.length == 0 ? null : new String(content, StandardCharsets.UTF_8);
    }

    /** The value of the first {@code name} header of {@code message}, or null. */
    static String header(Message message, String name) {
        Header header = message.getHeader(name);
        if (header == null) {
            return null;
        }
        String text = header.toString().trim();
        return text.substring(text.indexOf(':') + 1).trim();
    }
}
