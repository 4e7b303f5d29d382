package org.seed.sip.server.transport;

import java.io.IOException;
import java.net.InetAddress;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's NIO transports, with TCP connections the platform opens kept in the connection table
 * ({@link KeptConnectionsHandler}). TLS stays JAIN-SIP's own: its client does not work either way (see
 * docs/design-notes.md "TLS and transports"), and its handshake is started by the send this would skip.
 */
public final class KeptConnectionsProcessorFactory implements MessageProcessorFactory {

    private final MessageProcessorFactory others = new NioMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new TcpProcessor(address, stack, port);
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }

    /** JAIN-SIP's NIO TCP processor with the connection table that keeps what it opens. */
    private static final class TcpProcessor extends NioTcpMessageProcessor {

        TcpProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
            nioHandler = new KeptConnectionsHandler(stack, this);
        }
    }
}
