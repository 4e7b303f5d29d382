package org.seed.sip.b2bua;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.b2bua.call.CallRegistry;
import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.b2bua.call.CallJournal;
import org.seed.sip.b2bua.service.B2buaSettings;
import org.seed.sip.b2bua.service.CallRouter;
import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.store.Store;

/**
 * The B2BUA's composition root: its services built from the configuration and the shared store (the store,
 * the settings and the authenticator come from the kit's shared producers). The call controller itself is
 * built by the servlet, which owns the container's SIP factory and timer service.
 */
@ApplicationScoped
public class B2buaBeans {

    @Produces
    @Singleton
    B2buaSettings settings(PlatformSettings platform) {
        return B2buaSettings.from(platform);
    }

    @Produces
    @Singleton
    DomainAdmission admission(PlatformSettings platform) {
        return DomainAdmission.from(platform);
    }

    @Produces
    @Singleton
    CallRouter router(Store store, DomainAdmission admission, B2buaSettings settings) {
        return new CallRouter(store.accounts(), store.locations(), store.preferences(), admission,
                settings.maxForwards());
    }

    /** The B2BUA's live calls, one registry for the application (transfers look dialogs up in it). */
    @Produces
    @Singleton
    CallRegistry calls() {
        return new CallRegistry();
    }

    /** The call records of this node; started, it closes those a crash of the node left open. */
    @Produces
    @Singleton
    CallJournal journal(Store store, PlatformSettings platform) {
        return new CallJournal(store.callRecords(), platform.nodeId(), Clock.systemUTC());
    }

    /** The platform's one authenticator, answering as a proxy for the domain (407, RFC 3261 §22.3). */
    @Produces
    @Singleton
    SipAuthentication authentication(Authenticator authenticator) {
        return new SipAuthentication(authenticator, SipAuthentication.Role.PROXY);
    }
}
