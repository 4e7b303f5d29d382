package org.seed.sip.it.phone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sdp.Attribute;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import javax.sip.message.Message;

/**
 * One phone's audio session description (RFC 4566) and the offer/answer bodies it sends (RFC 3264): one
 * audio stream on a given RTP port with PCMU, PCMA and telephone-event (RFC 4733), and a direction. Bodies
 * are written as text, which keeps them readable in test failures; they are read back with JAIN-SIP's SDP
 * parser ({@code javax.sdp}), so a malformed body relayed by the platform fails the test.
 */
public final class Sdp {

    /** The media direction attributes (RFC 3264 §5.1, §6.1); a missing one means {@link #SENDRECV}. */
    public enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The direction an answer takes to an offer of this one (RFC 3264 §6.1). */
        public Direction answer() {
            return switch (this) {
                case SENDONLY -> RECVONLY;
                case RECVONLY -> SENDONLY;
                default -> this;
            };
        }
    }

    /** The payload formats a test phone offers, with their static or dynamic payload types (RFC 3551). */
    public enum Codec {
        PCMU("0", "PCMU/8000", null),
        PCMA("8", "PCMA/8000", null),
        TELEPHONE_EVENT("101", "telephone-event/8000", "0-15");

        private final String payloadType;
        private final String rtpmap;
        private final String fmtp;

        Codec(String payloadType, String rtpmap, String fmtp) {
            this.payloadType = payloadType;
            this.rtpmap = rtpmap;
            this.fmtp = fmtp;
        }

        public String payloadType() {
            return payloadType;
        }
    }

    private final int rtpPort;
    private final List<Codec> codecs;
    private final long sessionId = System.nanoTime() & Long.MAX_VALUE;
    private final AtomicLong version = new AtomicLong();

    private Sdp(int rtpPort, List<Codec> codecs) {
        this.rtpPort = rtpPort;
        this.codecs = codecs;
    }

    /** Audio on {@code rtpPort} (nothing listens there: the platform relays SDP, not RTP). */
    public static Sdp audio(int rtpPort) {
        return audio(rtpPort, Codec.values());
    }

    public static Sdp audio(int rtpPort, Codec... codecs) {
        return new Sdp(rtpPort, List.of(codecs));
    }

    public int rtpPort() {
        return rtpPort;
    }

    public String offer() {
        return offer(Direction.SENDRECV);
    }

    /** A new offer; each body this session writes has a higher o= version (RFC 3264 §8). */
    public String offer(Direction direction) {
        return body(direction, codecs);
    }

    /** The answer to {@code offer}: the reverse direction, the offered formats this phone has, in offer order. */
    public String answer(String offer) {
        List<String> offered = formats(offer);
        List<Codec> chosen = offered.stream()
                .flatMap(format -> codecs.stream().filter(codec -> codec.payloadType.equals(format)))
                .toList();
        return body(direction(offer).answer(), chosen.isEmpty() ? codecs : chosen);
    }

    private String body(Direction direction, List<Codec> formats) {
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=seed ").append(sessionId).append(' ').append(version.incrementAndGet())
                .append(" IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("c=IN IP4 127.0.0.1\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ").append(rtpPort).append(" RTP/AVP");
        formats.forEach(codec -> sdp.append(' ').append(codec.payloadType));
        sdp.append("\r\n");
        for (Codec codec : formats) {
            sdp.append("a=rtpmap:").append(codec.payloadType).append(' ').append(codec.rtpmap).append("\r\n");
            if (codec.fmtp != null) {
                sdp.append("a=fmtp:").append(codec.payloadType).append(' ').append(codec.fmtp).append("\r\n");
            }
        }
        return sdp.append("a=").append(direction.attribute()).append("\r\n").toString();
    }

    /** The body of {@code message} (a response, a request) as text, or null when it has none. */
    public static String body(Message message) {
        return CallMessages.body(message);
    }

    /** The direction of the first audio stream of {@code body}: its own attribute, else the session's (RFC 4566 §6). */
    public static Direction direction(String body) {
        SessionDescription session = parse(body);
        Direction media = direction(audio(session).getAttributes(false));
        if (media != null) {
            return media;
        }
        Direction whole = direction(session.getAttributes(false));
        return whole == null ? Direction.SENDRECV : whole;
    }

    /** The RTP port of the first audio stream of {@code body}. */
    public static int port(String body) {
        try {
            return audio(parse(body)).getMedia().getMediaPort();
        } catch (SdpException e) {
            throw new AssertionError("no audio port in " + body, e);
        }
    }

    /** The payload types of the first audio stream of {@code body}, in its order. */
    public static List<String> formats(String body) {
        try {
            List<String> formats = new ArrayList<>();
            for (Object format : audio(parse(body)).getMedia().getMediaFormats(false)) {
                formats.add(format.toString());
            }
            return formats;
        } catch (SdpException e) {
            throw new AssertionError("no audio formats in " + body, e);
        }
    }

    private static Direction direction(List<?> attributes) {
        if (attributes == null) {
            return null;
        }
        for (Object each : attributes) {
            try {
                String name = ((Attribute) each).getName();
                for (Direction direction : Direction.values()) {
                    if (direction.attribute().equalsIgnoreCase(name)) {
                        return direction;
                    }
                }
            } catch (javax.sdp.SdpParseException e) {
                throw new AssertionError("unreadable SDP attribute " + each, e);
            }
        }
        return null;
    }

    private static MediaDescription audio(SessionDescription session) {
        try {
            List<?> streams = session.getMediaDescriptions(false);
            for (Object each : streams == null ? List.of() : streams) {
                MediaDescription media = (MediaDescription) each;
                if ("audio".equals(media.getMedia().getMediaType())) {
                    return media;
                }
            }
        } catch (SdpException e) {
            throw new AssertionError("unreadable media in " + session, e);
        }
        throw new AssertionError("no audio stream in " + session);
    }

    private static SessionDescription parse(String body) {
        if (body == null || body.isBlank()) {
            throw new AssertionError("no SDP body");
        }
        try {
            return SdpFactory.getInstance().createSessionDescription(body);
        } catch (SdpException e) {
            throw new AssertionError("not SDP: " + body, e);
        }
    }

    @Override
    public String toString() {
        return "audio on " + rtpPort + " " + Arrays.toString(codecs.toArray());
    }
}
