package org.seed.sip.presence.im;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/** The instant messages' composition root. */
@ApplicationScoped
public class MessageBeans {

    @Produces
    @Singleton
    MessageEndpoint messages() {
        return new MessageEndpoint();
    }
}
