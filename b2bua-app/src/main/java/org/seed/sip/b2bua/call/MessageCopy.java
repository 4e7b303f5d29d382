package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.servlet.sip.SipServletMessage;

/**
 * What of a message crosses the B2BUA into the other dialog: the body unchanged (SDP passes through, RFC 3264
 * offer and answer are the phones' business) and the end-to-end headers the far phone acts on. Everything
 * that describes one hop or one dialog (Via, Route, Contact, CSeq, tags) is the container's, on each side.
 */
final class MessageCopy {

    /** Headers of requests and responses that say what the sender supports or wants, kept across. */
    private static final List<String> END_TO_END = List.of("Allow", "Accept", "Accept-Language", "Subject", "Priority",
            "Alert-Info", "Call-Info", "User-Agent", "Server", "Organization", "Content-Disposition", "Info-Package",
            "Recv-Info", "Allow-Events", "Warning");
    /**
     * Option tags the B2BUA does not pass on because it handles them per leg, or does not do them: session
     * timers are run by the platform on each dialog; a path, outbound or gruu request concerns a registrar.
     */
    private static final List<String> OWN_OPTION_TAGS = List.of("timer", "path", "outbound", "gruu");

    private MessageCopy() {
    }

    /** Copies body and end-to-end headers of {@code from} into {@code to}. */
    static void copy(SipServletMessage from, SipServletMessage to) throws IOException {
        for (String name : END_TO_END) {
            List<String> values = values(from, name);
            if (!values.isEmpty()) {
                to.removeHeader(name);
                values.forEach(value -> to.addHeader(name, value));
            }
        }
        copyOptionTags(from, to, "Supported");
        copyOptionTags(from, to, "Require");
        copyBody(from, to);
    }

    static void copyBody(SipServletMessage from, SipServletMessage to) throws IOException {
        if (hasBody(from)) {
            to.setContent(from.getRawContent(), from.getContentType());
        }
    }

    static boolean hasBody(SipServletMessage message) {
        return message.getContentLength() > 0 && message.getContentType() != null;
    }

    /** Whether the message's sender supports (or requires) {@code optionTag} (RFC 3261 §20.37, §20.32). */
    static boolean supports(SipServletMessage message, String optionTag) {
        return tags(message, "Supported").contains(optionTag) || tags(message, "Require").contains(optionTag);
    }

    private static void copyOptionTags(SipServletMessage from, SipServletMessage to, String header) {
        List<String> tags = tags(from, header);
        tags.removeAll(OWN_OPTION_TAGS);
        if (!tags.isEmpty()) {
            to.setHeader(header, String.join(", ", tags));
        }
    }

    private static List<String> tags(SipServletMessage message, String header) {
        List<String> tags = new ArrayList<>();
        for (String value : values(message, header)) {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tags;
    }

    private static List<String> values(SipServletMessage message, String name) {
        List<String> values = new ArrayList<>();
        message.getHeaders(name).forEachRemaining(values::add);
        return values;
    }
}
