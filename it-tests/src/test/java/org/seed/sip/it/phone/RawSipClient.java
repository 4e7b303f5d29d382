package org.seed.sip.it.phone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends SIP requests exactly as written, byte for byte (malformed ones too, which a SIP stack would refuse
 * to send), over UDP or a TCP connection, and reads the final answer. In the text, {@code ${sentby}} becomes
 * this client's own address, so the answer comes back here (RFC 3261 §18.2.2: responses go to the top Via).
 */
public final class RawSipClient implements AutoCloseable {

    private static final Pattern STATUS_LINE = Pattern.compile("^SIP/2\\.0 (\\d{3}) ?([^\\r\\n]*)");
    /** CR LF CR LF as four bytes of an int. */
    private static final int END_OF_HEADERS = 0x0D0A0D0A;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

    private final InetSocketAddress server;
    private final DatagramSocket udp;
    private final Socket tcp;

    private RawSipClient(InetSocketAddress server, boolean overTcp) throws IOException {
        this.server = server;
        if (overTcp) {
            tcp = new Socket();
            tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcp.connect(server, 2000);
            udp = null;
        } else {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcp = null;
        }
    }

    public static RawSipClient udp(InetSocketAddress server) {
        return open(server, false);
    }

    public static RawSipClient tcp(InetSocketAddress server) {
        return open(server, true);
    }

    private static RawSipClient open(InetSocketAddress server, boolean overTcp) {
        try {
            return new RawSipClient(server, overTcp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT} of this client, what {@code ${sentby}} stands for. */
    public String sentBy() {
        return "127.0.0.1:" + (udp != null ? udp.getLocalPort() : tcp.getLocalPort());
    }

    public String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    /**
     * A request of {@code method} from {@code from} to {@code to}, with the headers every request needs
     * (fresh branch, tag and Call-ID; a Contact at this client, but for a REGISTER, whose Contact is what it
     * binds) and {@code extraHeaders} (lines ending in LF).
     */
    public String request(String method, String requestUri, String from, String to, String extraHeaders) {
        String contactParameters = udp != null ? "" : ";transport=tcp";
        return method + " " + requestUri + " SIP/2.0\n"
                + "Via: SIP/2.0/" + transport() + " ${sentby};branch=z9hG4bK" + random() + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <" + from + ">;tag=" + random() + "\n"
                + "To: <" + to + ">\n"
                + "Call-ID: " + random() + "@127.0.0.1\n"
                + "CSeq: 1 " + method + "\n"
                + ("REGISTER".equals(method) ? "" : "Contact: <sip:client@${sentby}" + contactParameters + ">\n")
                + extraHeaders
                + "Content-Length: 0\n\n";
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Sends {@code message} (lines ending in LF or CRLF; sent with CRLF) without waiting for anything. */
    public void send(String message) {
        byte[] bytes = message.replace("${sentby}", sentBy()).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(bytes, bytes.length, server));
            } else {
                tcp.getOutputStream().write(bytes);
                tcp.getOutputStream().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code message} and returns its final answer, or empty if none came within {@code timeout}. */
    public Optional<Answer> exchange(String message, Duration timeout) {
        send(message);
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = giveUpAt - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                Optional<Answer> answer = receive(Duration.ofNanos(left));
                if (answer.isEmpty() || answer.get().status() >= 200) {
                    return answer;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Answer> receive(Duration timeout) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try {
            if (udp != null) {
                udp.setSoTimeout(millis);
                byte[] buffer = new byte[65535];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                return Optional.of(Answer.parse(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)));
            }
            tcp.setSoTimeout(millis);
            return readTcpMessage(tcp.getInputStream()).map(Answer::parse);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** One message off the stream: headers up to the empty line, then Content-Length octets (RFC 3261 §18.3). */
    private static Optional<String> readTcpMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != END_OF_HEADERS) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            lastFour = (lastFour << 8) | b;
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return Optional.of(headers + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            if (udp != null) {
                udp.close();
            } else {
                tcp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as it arrived. */
    public record Answer(int status, String reason, String text) {

        static Answer parse(String text) {
            Matcher line = STATUS_LINE.matcher(text);
            if (!line.find()) {
                throw new AssertionError("not a SIP response: " + text);
            }
            return new Answer(Integer.parseInt(line.group(1)), line.group(2), text);
        }

        /** The value of header {@code name} (full name, case-insensitive), or null. */
        public String header(String name) {
            Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name.toLowerCase(Locale.ROOT))
                    + "[ \\t]*:[ \\t]*([^\\r\\n]*)").matcher(text);
            return header.find() ? header.group(1).trim() : null;
        }

        @Override
        public String toString() {
            return status + " " + reason;
        }
    }
}
