package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sip.ListeningPoint;
import javax.sip.header.ContactHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.Softphone;

/**
 * The call tests' phones register with the real registrar the way forking tests need them to: several
 * phones of one user, each its own contact, over UDP and TCP, with q values.
 *
 * <pre>
 *   bob (UDP, q=1.0)    bob (TCP, q=0.5)          registrar-app
 *     |--- REGISTER ---------------------------------->|  407/401 answered, 200
 *     |                   |--- REGISTER ------------->|  200: both contacts, each with its q
 * </pre>
 */
class SoftphoneRegistrationIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> registrarAlone() {
        return Deployments.registrarAlone();
    }

    @Test
    void phonesOfOneUserRegisterTheirOwnContactsWithTheirQ() {
        try (Softphone desk = Softphone.open("bob", "127.0.0.1", RunningPlatform.DEMO_PASSWORD, platform.sipAddress());
             Softphone mobile = Softphone.open("bob", "127.0.0.1", RunningPlatform.DEMO_PASSWORD,
                     platform.sipAddress(), ListeningPoint.TCP)) {
            assertThat(desk.register(600, 1.0).getStatusCode()).isEqualTo(Response.OK);
            Response both = mobile.register(600, 0.5);

            assertThat(both.getStatusCode()).isEqualTo(Response.OK);
            assertThat(contacts(both)).containsExactlyInAnyOrder(desk.contactUri() + " q=1.0",
                    mobile.contactUri() + " q=0.5");

            assertThat(contacts(desk.register(0))).containsExactly(mobile.contactUri() + " q=0.5");
        }
    }

    private static List<String> contacts(Response answer) {
        List<String> contacts = new ArrayList<>();
        answer.getHeaders(ContactHeader.NAME).forEachRemaining(header -> contacts.add(
                ((ContactHeader) header).getAddress().getURI() + " q=" + ((ContactHeader) header).getQValue()));
        return contacts;
    }
}
