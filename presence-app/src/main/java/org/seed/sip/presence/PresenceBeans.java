package org.seed.sip.presence;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.servlet.SipAuthentication;

/**
 * What the three parts of the presence server share. The store, the settings and the authenticator come from
 * the kit's shared producers ({@code org.seed.sip.kit.cdi.PlatformBeans}).
 */
@ApplicationScoped
public class PresenceBeans {

    /** The platform's one authenticator, answering as a server that is not the user's registrar: 407. */
    @Produces
    @Singleton
    SipAuthentication authentication(Authenticator authenticator) {
        return new SipAuthentication(authenticator, SipAuthentication.Role.PROXY);
    }
}
