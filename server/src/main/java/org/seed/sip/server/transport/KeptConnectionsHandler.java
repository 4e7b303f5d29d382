package org.seed.sip.server.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's connection table for TCP, keeping the connections the platform opens.
 * <p>
 * {@code NIOHandler.openOutgoingConnection} (JAIN-SIP 1.3.0-91 to 1.3.0-93) never sets its {@code connected}
 * flag, so its {@code finally} takes every connection it has just opened out of the table again ("new
 * connection is bad"). A request to a new destination then opens two: the message channel's constructor
 * one, the send finds none in the table and opens another, queues the request for it and closes the first
 * ("Old socket different than new socket"); when the selector thread writes before the channel is moved to
 * the second socket, the request is dropped ("Need to write something on nioTcpMessageChannel null socket",
 * "Dead socketChannel"). Putting the connection back in the table once opened lets the send find it. See
 * docs/design-notes.md "NOTIFYs over the subscriber's connection".
 */
final class KeptConnectionsHandler extends NIOHandler {

    KeptConnectionsHandler(SIPTransactionStack stack, NioTcpMessageProcessor processor) {
        super(stack, processor);
    }

    @Override
    public SocketChannel createOrReuseSocket(InetAddress address, int port) throws IOException {
        return kept(address, port, super.createOrReuseSocket(address, port));
    }

    @Override
    public SocketChannel sendBytes(InetAddress senderAddress, InetAddress receiverAddress, int contactPort,
            String transport, byte[] bytes, boolean retry, NioTcpMessageChannel messageChannel) throws IOException {
        return kept(receiverAddress, contactPort,
                super.sendBytes(senderAddress, receiverAddress, contactPort, transport, bytes, retry, messageChannel));
    }

    private SocketChannel kept(InetAddress address, int port, SocketChannel channel) {
        if (channel != null && channel.isOpen()) {
            String key = makeKey(address, port);
            if (getSocket(key) == null) {
                putSocket(key, channel);
            }
        }
        return channel;
    }
}
