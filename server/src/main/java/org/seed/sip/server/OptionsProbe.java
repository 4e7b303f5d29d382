package org.seed.sip.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks a SIP server over UDP whether it serves requests, with an OPTIONS it answers like any other
 * (RFC 3261 §11). Used to report start-up time to the first 200 OK and by test harnesses to wait for a
 * server; it is a probe only, so it reads no more of the answer than its status line.
 */
public final class OptionsProbe {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(250);

    private final InetSocketAddress target;

    public OptionsProbe(String host, int port) {
        this.target = new InetSocketAddress(host, port);
    }

    /**
     * Sends OPTIONS until one is answered or {@code deadline} passes.
     *
     * @return the status code of the first answer, or -1 if none came in time
     */
    public int awaitAnswer(Duration deadline) throws IOException {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(target.getHostString()))) {
            socket.setSoTimeout((int) ATTEMPT_TIMEOUT.toMillis());
            while (System.nanoTime() < giveUpAt) {
                byte[] request = options(socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(request, request.length, target));
                int status = receiveFinalStatus(socket);
                if (status >= 200) {
                    return status;
                }
            }
        }
        return -1;
    }

    private static int receiveFinalStatus(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException e) {
                return -1;
            }
            String text = new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
            if (text.startsWith("SIP/2.0 ") && text.length() >= 11) {
                int status = Integer.parseInt(text.substring(8, 11));
                if (status >= 200) {
                    return status;
                }
            }
        }
    }

    private String options(int localPort) {
        String host = target.getHostString();
        String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        String tag = Long.toHexString(System.nanoTime());
        return "OPTIONS sip:" + host + ":" + target.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + localPort + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + host + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + host + ":" + target.getPort() + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@" + host + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Contact: <sip:probe@" + host + ":" + localPort + ">\r\n"
                + "Accept: application/sdp\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
