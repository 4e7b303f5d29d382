package org.seed.sip.server.edge;

import javax.servlet.sip.ar.SipApplicationRouter;
import javax.servlet.sip.ar.spi.SipApplicationRouterProvider;

/** JSR 289 §15.4.2: how the container finds {@link NeverRelayRouter} (named in a system property). */
public final class NeverRelayRouterProvider extends SipApplicationRouterProvider {

    private final NeverRelayRouter router = new NeverRelayRouter();

    @Override
    public SipApplicationRouter getSipApplicationRouter() {
        return router;
    }
}
