package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.DateHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The walking skeleton of the registrar, deployed alone: a REGISTER binds the phone's contact, the binding
 * is a database row, and it survives the platform being stopped or killed.
 *
 * <pre>
 *   alice                         registrar-app               database
 *     |--- REGISTER Contact: c ---->|--- insert binding ------->|
 *     |<-- 200 OK Contact: c;expires|                           |
 * </pre>
 */
class RegistrationIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> registrarAlone() {
        return Deployments.registrarAlone();
    }

    @Test
    void registerOfKnownAccountIsAcceptedAndListsTheBinding() throws SQLException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response answer = alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(contacts(answer)).containsExactly(alice.contactUri());
            assertThat(((ContactHeader) answer.getHeader(ContactHeader.NAME)).getExpires()).isBetween(595, 600);
            assertThat(answer.getHeader(DateHeader.NAME)).isNotNull();
            assertThat(storedContacts("sip:alice@127.0.0.1")).containsExactly(alice.contactUri());
        }
    }

    @Test
    void unknownUserIsChallengedLikeAnyOther() {
        try (TestPhone mallory = TestPhone.open("mallory", "127.0.0.1", platform.sipAddress())) {
            assertThat(mallory.sendAuthenticated(mallory.register(600), "guess").getStatusCode())
                    .isEqualTo(Response.UNAUTHORIZED);
        }
    }

    @Test
    void bindingSurvivesAStopAndAKill() throws SQLException {
        try (TestPhone bob = TestPhone.open("bob", "127.0.0.1", platform.sipAddress())) {
            assertThat(bob.sendAuthenticated(bob.register(3600), RunningPlatform.DEMO_PASSWORD).getStatusCode())
                    .isEqualTo(Response.OK);
            String contact = bob.contactUri();

            platform.restart();
            assertThat(contacts(bob.sendAuthenticated(bob.registrationQuery(), RunningPlatform.DEMO_PASSWORD))).containsExactly(contact);

            platform.killAndRestart();
            assertThat(contacts(bob.sendAuthenticated(bob.registrationQuery(), RunningPlatform.DEMO_PASSWORD))).containsExactly(contact);
            assertThat(storedContacts("sip:bob@127.0.0.1")).containsExactly(contact);
        }
    }

    private static List<String> contacts(Response answer) {
        List<String> uris = new ArrayList<>();
        answer.getHeaders(ContactHeader.NAME).forEachRemaining(header -> {
            Address address = ((ContactHeader) header).getAddress();
            uris.add(address.getURI().toString());
        });
        return uris;
    }

    private List<String> storedContacts(String aor) throws SQLException {
        return PlatformDatabase.column(platform, "select contact_uri from bindings where aor = ? order by contact_uri", aor);
    }
}
