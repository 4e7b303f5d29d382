package org.seed.sip.common.reach;

import java.util.Objects;

/**
 * The transport address a request arrived from: the far end of its connection for TCP, TLS and WebSocket,
 * the source of its datagram for UDP. A REGISTER's origin is where its binding is reached; a SUBSCRIBE's,
 * where its NOTIFYs are.
 */
public record Origin(String address, int port, String transport) {

    public Origin {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
    }
}
