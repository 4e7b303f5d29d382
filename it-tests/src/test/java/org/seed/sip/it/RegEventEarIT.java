package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The reg event package in the whole EAR: the router file sends SUBSCRIBE {@code Event: reg} to the
 * registrar, whose reginfo binder then runs on the EAR's shared JAXB libraries.
 *
 * <pre>
 *   watcher                      router (conf/dar.properties)           registrar-app
 *     |--- SUBSCRIBE Event: reg --->| HEADER_Event=^reg ------------------> 200 OK
 *     |<-- NOTIFY (reginfo, full) ------------------------------------------|
 * </pre>
 */
class RegEventEarIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void regSubscriptionReachesTheRegistrarAndGetsReginfo() throws InterruptedException {
        try (TestPhone phone = TestPhone.open("bob", "127.0.0.1", platform.sipAddress())) {
            RegEventWatcher watcher = new RegEventWatcher(phone, RunningPlatform.DEMO_PASSWORD);

            assertThat(watcher.subscribe("sip:bob@127.0.0.1", 600).getStatusCode()).isEqualTo(Response.OK);

            ReginfoNotify first = watcher.awaitNotify();
            assertThat(first.documentState()).isEqualTo("full");
            assertThat(first.registration().getAttribute("aor")).isEqualTo("sip:bob@127.0.0.1");
            assertThat(first.registration().getAttribute("state")).isEqualTo("init");
        }
    }
}
