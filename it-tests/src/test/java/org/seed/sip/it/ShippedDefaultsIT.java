package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sip.header.ContactHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The registrar with conf/platform.properties as shipped, no key overridden: a phone that knows only MD5
 * and reads only the first challenge (sipsak 0.9, SIPp 3.6, baresip 1.0, which gives up on any challenge
 * it cannot compute) registers on its first try.
 *
 * <pre>
 *   phone (MD5 only)                     registrar
 *     |--- REGISTER ------------------------>|
 *     |<-- 401 WWW-Authenticate: MD5 --------|  one challenge, nothing else
 *     |--- REGISTER Authorization: MD5 ----->|
 *     |<-- 200 Contact: phone ---------------|
 * </pre>
 */
class ShippedDefaultsIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> registrarAsShipped() {
        return Deployments.registrarAlone();
    }

    @Test
    void challengeOffersMd5Alone() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response challenge = alice.send(alice.register(600));

            assertThat(challenge.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            List<WWWAuthenticateHeader> offered = new ArrayList<>();
            challenge.getHeaders(WWWAuthenticateHeader.NAME)
                    .forEachRemaining(header -> offered.add((WWWAuthenticateHeader) header));
            assertThat(offered).singleElement().satisfies(header -> {
                assertThat(header.getAlgorithm()).isEqualTo("MD5");
                assertThat(header.getQop()).isEqualTo("auth");
            });
        }
    }

    @Test
    void md5PhoneRegistersAndUnregisters() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response registered = alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD, "MD5");
            Response unregistered = alice.sendAuthenticated(alice.register(0), RunningPlatform.DEMO_PASSWORD, "MD5");

            assertThat(registered.getStatusCode()).isEqualTo(Response.OK);
            assertThat(((ContactHeader) registered.getHeader(ContactHeader.NAME)).getAddress().getURI())
                    .hasToString(alice.contactUri());
            assertThat(unregistered.getStatusCode()).isEqualTo(Response.OK);
            assertThat(unregistered.getHeader(ContactHeader.NAME)).isNull();
        }
    }
}
