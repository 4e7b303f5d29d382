package org.seed.sip.it.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Listens, on a free loopback port over UDP and TCP, where a relayed request would go, and records whatever
 * arrives. A platform that never relays leaves it empty.
 */
public final class RelayTrap implements AutoCloseable {

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();

    public RelayTrap() {
        int port = FreePorts.udpAndTcp();
        try {
            tcp = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("relay-trap-udp", this::receiveDatagrams);
        daemon("relay-trap-tcp", this::acceptConnections);
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** The first thing that arrived, waiting up to {@code quiet} for it; null if nothing came. */
    public String firstArrivalWithin(Duration quiet) throws InterruptedException {
        return arrived.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void receiveDatagrams() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                arrived.add("UDP: " + firstLine(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void acceptConnections() {
        while (!tcp.isClosed()) {
            try (Socket connection = tcp.accept()) {
                // a connection is a relay attempt already, whatever it then sends
                arrived.add("TCP connection from " + connection.getRemoteSocketAddress());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\r');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
