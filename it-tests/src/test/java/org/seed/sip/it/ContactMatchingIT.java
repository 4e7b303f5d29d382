package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * RFC 3261 §10.3 step 7 compares a REGISTER's contacts with the stored ones by §19.1.4 URI equality: a
 * phone that writes its contact differently refreshes its binding, which keeps the contact as first stored.
 * (The test phone's JAIN-SIP writes every scheme in lower case; SipUriEqualityTest covers the scheme's case.)
 *
 * <pre>
 *   alice                                               registrar
 *     |--- REGISTER Contact: sip:a@h:5999;transport=udp;ob -->|  new binding
 *     |<-- 200 Contact: sip:a@h:5999;transport=udp;ob --------|
 *     |--- REGISTER Contact: SIP:a@h:5999;ob;transport=UDP -->|  the same binding, refreshed
 *     |<-- 200 Contact: sip:a@h:5999;transport=udp;ob --------|  still one
 * </pre>
 */
class ContactMatchingIT extends PlatformTest {

    private static final String AOR = "sip:alice@127.0.0.1";

    private TestPhone alice;

    @Deployment(testable = false)
    static Archive<?> registrar() {
        return Deployments.registrarAlone();
    }

    @BeforeEach
    void openPhone() {
        alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress());
    }

    @AfterEach
    void removeBindingsAndClose() {
        Request clear = alice.registrationQuery();
        alice.setHeader(clear, "Contact", "*");
        alice.setHeader(clear, "Expires", "0");
        assertThat(register(clear).getStatusCode()).isEqualTo(Response.OK);
        alice.close();
    }

    @Test
    void refreshWrittenDifferentlyKeepsOneBinding() throws SQLException {
        Response first = register(withContact("<sip:alice@127.0.0.1:5999;transport=udp;ob>", 600));
        Response refresh = register(withContact("<SIP:alice@127.0.0.1:5999;ob;transport=UDP>", 900));

        assertThat(contacts(first)).containsExactly("sip:alice@127.0.0.1:5999;transport=udp;ob");
        assertThat(contacts(refresh)).containsExactly("sip:alice@127.0.0.1:5999;transport=udp;ob");
        assertThat(((ContactHeader) refresh.getHeader(ContactHeader.NAME)).getExpires()).isBetween(895, 900);
        assertThat(storedContacts()).containsExactly("sip:alice@127.0.0.1:5999;transport=udp;ob");
    }

    @Test
    void removalWrittenDifferentlyRemovesTheBinding() throws SQLException {
        register(withContact("<sip:alice@127.0.0.1:5999;transport=udp>", 600));

        // %69 is i: an escaped character equals the character it stands for
        Response removal = register(withContact("<sip:al%69ce@127.0.0.1:5999;Transport=Udp>", 0));

        assertThat(removal.getStatusCode()).isEqualTo(Response.OK);
        assertThat(removal.getHeader(ContactHeader.NAME)).isNull();
        assertThat(storedContacts()).isEmpty();
    }

    @Test
    void defaultPortIsNotPort5060() throws SQLException {
        register(withContact("<sip:alice@127.0.0.1>", 600));

        Response second = register(withContact("<sip:alice@127.0.0.1:5060>", 600));

        assertThat(contacts(second)).containsExactlyInAnyOrder("sip:alice@127.0.0.1", "sip:alice@127.0.0.1:5060");
        assertThat(storedContacts()).hasSize(2);
    }

    private Request withContact(String contact, int expires) {
        Request request = alice.registrationQuery();
        alice.setHeader(request, "Contact", contact);
        alice.setHeader(request, "Expires", Integer.toString(expires));
        return request;
    }

    private Response register(Request request) {
        Response answer = alice.sendAuthenticated(request, RunningPlatform.DEMO_PASSWORD);
        assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        return answer;
    }

    private static List<String> contacts(Response answer) {
        List<String> contacts = new ArrayList<>();
        answer.getHeaders(ContactHeader.NAME).forEachRemaining(
                header -> contacts.add(((ContactHeader) header).getAddress().getURI().toString()));
        return contacts;
    }

    private List<String> storedContacts() throws SQLException {
        return PlatformDatabase.column(platform, "select contact_uri from bindings where aor = ?", AOR);
    }
}
