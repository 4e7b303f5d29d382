package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sip.header.ContactHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * RFC 3261 §10.3 as a phone sees it: adding, refreshing and removing bindings, expiry limits, the
 * wildcard, request ordering, q-values, Path (RFC 3327) and outbound flows (RFC 5626). Every REGISTER is
 * authenticated as alice; each test starts with no binding.
 *
 * <pre>
 *   alice                                    registrar
 *     |--- REGISTER Contact: c1;expires=120 ---->|
 *     |<-- 401 WWW-Authenticate (SHA-256, MD5) --|
 *     |--- REGISTER + Authorization ------------>|  bindings changed, committed
 *     |<-- 200 Contact: c1;expires=120 ----------|
 * </pre>
 */
class BindingsIT extends PlatformTest {

    private static final String OTHER_CONTACT = "sip:alice@127.0.0.1:5999";

    private TestPhone alice;

    @Deployment(testable = false)
    static Archive<?> registrarWithLimits() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "registrar.expires.min", "60",
                "registrar.expires.default", "1800",
                "registrar.expires.max", "3600"));
    }

    @BeforeEach
    void openPhoneWithoutBindings() {
        alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress());
        Request clear = alice.registrationQuery();
        alice.setHeader(clear, "Contact", "*");
        alice.setHeader(clear, "Expires", "0");
        assertThat(register(clear).getStatusCode()).isEqualTo(Response.OK);
    }

    @AfterEach
    void closePhone() {
        alice.close();
    }

    @Test
    void severalContactsAreBoundAndListedWithTheirOwnExpiry() {
        Request request = alice.registrationQuery();
        alice.addHeader(request, "Contact", "<" + alice.contactUri() + ">;expires=120");
        alice.addHeader(request, "Contact", "<" + OTHER_CONTACT + ">");
        alice.setHeader(request, "Expires", "600");

        Map<String, Integer> bound = expiries(register(request));

        assertThat(bound).containsOnlyKeys(alice.contactUri(), OTHER_CONTACT);
        assertThat(bound.get(alice.contactUri())).isBetween(115, 120);
        assertThat(bound.get(OTHER_CONTACT)).isBetween(595, 600);
    }

    @Test
    void noExpiryRequestedGetsTheDefault() {
        assertThat(expiries(register(alice.register(null))).get(alice.contactUri())).isBetween(1795, 1800);
    }

    @Test
    void tooShortExpiryIsRefusedWithMinExpiresAndBindsNothing() {
        Response answer = register(alice.register(30));

        assertThat(answer.getStatusCode()).isEqualTo(423);
        assertThat(((MinExpiresHeader) answer.getHeader(MinExpiresHeader.NAME)).getExpires()).isEqualTo(60);
        assertThat(expiries(query())).isEmpty();
    }

    @Test
    void tooLongExpiryIsClampedToTheMaximum() {
        assertThat(expiries(register(alice.register(86400))).get(alice.contactUri())).isBetween(3595, 3600);
    }

    @Test
    void refreshExtendsAndZeroExpiryRemoves() {
        register(alice.register(120));
        assertThat(expiries(register(alice.register(900))).get(alice.contactUri())).isBetween(895, 900);

        Response removal = register(alice.register(0));

        assertThat(removal.getStatusCode()).isEqualTo(Response.OK);
        assertThat(expiries(removal)).isEmpty();
    }

    @Test
    void wildcardWithExpiresZeroRemovesEveryBinding() {
        Request two = alice.registrationQuery();
        alice.addHeader(two, "Contact", "<" + alice.contactUri() + ">");
        alice.addHeader(two, "Contact", "<" + OTHER_CONTACT + ">");
        register(two);

        Request wildcard = alice.registrationQuery();
        alice.setHeader(wildcard, "Contact", "*");
        alice.setHeader(wildcard, "Expires", "0");

        assertThat(expiries(register(wildcard))).isEmpty();
    }

    @Test
    void wildcardWithANonZeroExpiryIsABadRequest() {
        register(alice.register(600));
        Request wildcard = alice.registrationQuery();
        alice.setHeader(wildcard, "Contact", "*");
        alice.setHeader(wildcard, "Expires", "600");

        assertThat(register(wildcard).getStatusCode()).isEqualTo(Response.BAD_REQUEST);
        assertThat(expiries(query())).containsOnlyKeys(alice.contactUri());
    }

    @Test
    void olderRegisterOfTheSameCallIdIsRefusedAndChangesNothing() {
        // built first, so it has the lower CSeq of the two under the phone's one Call-ID
        Request stale = alice.register(0);
        assertThat(register(alice.register(900)).getStatusCode()).isEqualTo(Response.OK);
        Response challenge = alice.send(alice.registrationQuery());

        Response refused = alice.send(alice.authorize(stale, challenge, RunningPlatform.DEMO_PASSWORD, "SHA-256"));

        assertThat(refused.getStatusCode()).isEqualTo(Response.SERVER_INTERNAL_ERROR);
        assertThat(refused.getHeader(RetryAfterHeader.NAME)).isNotNull();
        assertThat(expiries(query()).get(alice.contactUri())).isBetween(895, 900);
    }

    @Test
    void qValuesAreStoredAndReturned() {
        Request request = alice.registrationQuery();
        alice.addHeader(request, "Contact", "<" + alice.contactUri() + ">;q=0.3");
        alice.addHeader(request, "Contact", "<" + OTHER_CONTACT + ">;q=0.9");

        Response answer = register(request);

        assertThat(contacts(answer)).extracting(contact -> contact.getAddress().getURI().toString())
                .containsExactly(OTHER_CONTACT, alice.contactUri());
        assertThat(contacts(answer)).extracting(ContactHeader::getQValue).containsExactly(0.9f, 0.3f);
    }

    @Test
    void pathIsStoredAndEchoedWhenSupported() throws SQLException {
        Request request = alice.register(600);
        alice.addHeader(request, "Path", "<sip:edge.example.net;lr>");
        alice.setHeader(request, "Supported", "path");

        Response answer = register(request);

        assertThat(answer.getHeader("Path")).hasToString("Path: <sip:edge.example.net;lr>\r\n");
        assertThat(column("path")).isEqualTo("<sip:edge.example.net;lr>");
    }

    @Test
    void pathIsStoredButNotEchoedWithoutSupport() throws SQLException {
        Request request = alice.register(600);
        alice.addHeader(request, "Path", "<sip:edge.example.net;lr>");

        Response answer = register(request);

        assertThat(answer.getHeader("Path")).isNull();
        assertThat(column("path")).isEqualTo("<sip:edge.example.net;lr>");
    }

    @Test
    void newFlowOfTheSameInstanceReplacesTheOldOne() throws SQLException {
        String instance = "\"<urn:uuid:00000000-0000-1000-8000-000a95a0e128>\"";
        Request oldFlow = alice.registrationQuery();
        alice.addHeader(oldFlow, "Contact", "<" + OTHER_CONTACT + ">;+sip.instance=" + instance + ";reg-id=1");
        register(oldFlow);

        Request newFlow = alice.registrationQuery();
        alice.addHeader(newFlow, "Contact", "<" + alice.contactUri() + ">;+sip.instance=" + instance + ";reg-id=1");

        assertThat(expiries(register(newFlow))).containsOnlyKeys(alice.contactUri());
        assertThat(column("reg_id")).isEqualTo("1");
    }

    @Test
    void sourceAddressAndUserAgentOfTheRegisterAreRecorded() throws SQLException {
        register(alice.register(600));

        assertThat(column("source_address")).isEqualTo("127.0.0.1");
        assertThat(column("source_port")).isEqualTo(Integer.toString(alice.localPort()));
        assertThat(column("transport")).isEqualToIgnoringCase("udp");
        assertThat(column("user_agent")).isEqualTo("seed-it-phone");
    }

    private Response register(Request request) {
        return alice.sendAuthenticated(request, RunningPlatform.DEMO_PASSWORD);
    }

    private Response query() {
        return register(alice.registrationQuery());
    }

    private static List<ContactHeader> contacts(Response answer) {
        List<ContactHeader> contacts = new ArrayList<>();
        answer.getHeaders(ContactHeader.NAME).forEachRemaining(header -> contacts.add((ContactHeader) header));
        return contacts;
    }

    private static Map<String, Integer> expiries(Response answer) {
        assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        Map<String, Integer> expiries = new LinkedHashMap<>();
        contacts(answer).forEach(contact -> expiries.put(contact.getAddress().getURI().toString(), contact.getExpires()));
        return expiries;
    }

    /** One column of alice's only binding, read from the database. */
    private String column(String name) throws SQLException {
        List<String> values = PlatformDatabase.column(platform, "select " + name + " from bindings where aor = ?",
                "sip:alice@127.0.0.1");
        assertThat(values).as("alice's bindings").hasSize(1);
        return values.get(0);
    }
}
