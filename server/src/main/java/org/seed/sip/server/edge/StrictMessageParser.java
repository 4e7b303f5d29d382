package org.seed.sip.server.edge;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.regex.Pattern;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;

/**
 * JAIN-SIP's parser, with what it gets wrong about malformed input put right:
 * <ul>
 * <li>its parse errors become a fixed text: JAIN-SIP answers an unparsable request with
 * {@code 400 Bad Request (<the exception's message>)} (MessageChannel {@code createBadReqRes}, final), and
 * a header parser's message is often an object's {@code toString()} or a piece of the input;</li>
 * <li>the Request-Line is held to RFC 3261 §25.1 ({@code Method SP Request-URI SP SIP-Version}, single
 * spaces, none trailing; RFC 4475 §3.1.2.9 and §3.1.2.10), which JAIN-SIP's parser does not check;</li>
 * <li>the SIP-Version is kept: JAIN-SIP's request-line parser records every version as SIP/2.0, so its own
 * 505 answer (RFC 3261 §8.2.7 — UDPMessageChannel compares the version) never fires.</li>
 * </ul>
 */
final class StrictMessageParser implements MessageParser {

    private static final Pattern SIP_VERSION = Pattern.compile("SIP/\\d+\\.\\d+", Pattern.CASE_INSENSITIVE);

    private final MessageParser jainSip;

    StrictMessageParser(MessageParser jainSip) {
        this.jainSip = jainSip;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        SIPMessage message;
        try {
            message = jainSip.parseSIPMessage(bytes, readBody, strict, listener == null ? null : fixedReasons(listener));
        } catch (ParseException e) {
            throw MalformedPart.isFixed(e) ? e : new ParseException(MalformedPart.MESSAGE.reason(), e.getErrorOffset());
        }
        if (message instanceof SIPRequest request) {
            request.getRequestLine().setSipVersion(checkedVersion(bytes));
        }
        return message;
    }

    /** The channel's listener refuses a bad start line or transaction header by throwing: with a fixed text. */
    private static ParseExceptionListener fixedReasons(ParseExceptionListener channel) {
        return (e, message, headerClass, header, text) -> {
            try {
                channel.handleException(e, message, headerClass, header, text);
            } catch (ParseException refused) {
                throw new ParseException(MalformedPart.of(headerClass).reason(), refused.getErrorOffset());
            }
        };
    }

    /** The SIP-Version of a well-formed Request-Line. */
    private static String checkedVersion(byte[] bytes) throws ParseException {
        String[] parts = requestLine(bytes).split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !SIP_VERSION.matcher(parts[2]).matches()) {
            throw new ParseException(MalformedPart.REQUEST_LINE.reason(), 0);
        }
        return parts[2].toUpperCase(java.util.Locale.ROOT);
    }

    /** The first line, after the CRLFs RFC 3261 §7.5 lets precede a message. */
    private static String requestLine(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
            start++;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
