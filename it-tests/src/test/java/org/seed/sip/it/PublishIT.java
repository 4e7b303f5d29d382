package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.sip.header.AcceptHeader;
import javax.sip.header.AllowEventsHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.SIPETagHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.pidf.Basic;
import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.pidf.Presence;
import org.seed.sip.common.pidf.Tuple;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.RawSipClient;
import org.seed.sip.it.phone.RawSipClient.Answer;
import org.seed.sip.it.phone.TestPhone;

/**
 * PUBLISH of presence (RFC 3903) to the whole platform: every answer a publisher can get, and the composed
 * document the console reads (validated against the PIDF schemas, read with the JAXB binder). Each test
 * publishes as a user of its own, created through the console ({@link PresenceTest#presentity()}).
 *
 * <pre>
 *   phone (dave)                     presence-app + store                  operator (HTTP)
 *     |--- PUBLISH Event: presence ---->|                                      |
 *     |<-- 407 Proxy-Authenticate ------|                                      |
 *     |--- PUBLISH + credentials ------>| stored, durable                      |
 *     |<-- 200 SIP-ETag: a, Expires ----|                                      |
 *     |                                 |<-- GET /api/presence/dave@127.0.0.1 -|
 *     |                                 |--- {"state":"open","pidf":...} ----->|
 *     |--- PUBLISH SIP-If-Match: a ---->| (no body: refresh; body: modify)     |
 *     |<-- 200 SIP-ETag: b -------------|                                      |
 *     |--- PUBLISH SIP-If-Match: b, Expires: 0 -> removed                      |
 * </pre>
 */
class PublishIT extends PresenceTest {

    private static final String DOMAIN = "127.0.0.1";
    private static final String PIDF = "application/pidf+xml";
    private static final PidfXml XML = new PidfXml();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    /** Publications as short as 2 s and purged every second, to watch one expire. */
    @Deployment(testable = false)
    static Archive<?> platformWithShortPublications() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "presence.publish.min.expires", "2",
                "presence.publish.purge.interval", "1"));
    }

    @Test
    void aPublicationNeedsCredentialsAndGets200WithEntityTagAndExpires() throws InvalidPidfException {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Response challenge = phone.send(publish(phone, document(phone, "t1", "open", "sip:" + user + "@192.0.2.10"), 600));
            assertThat(challenge.getStatusCode()).isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
            assertThat(challenge.getHeader(ProxyAuthenticateHeader.NAME)).isNotNull();

            Response answer = send(phone, publish(phone, document(phone, "t1", "open", "sip:" + user + "@192.0.2.10"), 600));

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(entityTag(answer)).isNotBlank();
            assertThat(expires(answer)).isEqualTo(600);
            Presence composed = presence(user);
            assertThat(composed.entity()).isEqualTo(phone.aor());
            assertThat(composed.tuples()).singleElement().satisfies(tuple -> {
                assertThat(tuple.isOpen()).isTrue();
                assertThat(tuple.contact().uri()).isEqualTo("sip:" + user + "@192.0.2.10");
            });
            assertThat(state(user)).isEqualTo("open");
        }
    }

    @Test
    void aRefreshWithoutBodyGetsANewEntityTagAndTheOldOneIs412() throws InvalidPidfException {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            String first = entityTag(published(phone, document(phone, "t1", "open", null), 600));

            Response refreshed = send(phone, withIfMatch(phone, publish(phone, null, 900), first));

            assertThat(refreshed.getStatusCode()).isEqualTo(Response.OK);
            assertThat(entityTag(refreshed)).isNotBlank().isNotEqualTo(first);
            assertThat(expires(refreshed)).isEqualTo(900);
            assertThat(presence(user).basic()).isEqualTo(Basic.OPEN);
            assertThat(send(phone, withIfMatch(phone, publish(phone, null, 900), first)).getStatusCode())
                    .isEqualTo(Response.CONDITIONAL_REQUEST_FAILED);
        }
    }

    @Test
    void aModificationChangesTheDocumentAndARemovalEndsThePublication() throws InvalidPidfException {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            String tag = entityTag(published(phone, document(phone, "t1", "open", null), 600));

            Response modified = send(phone, withIfMatch(phone, publish(phone, document(phone, "t1", "closed", null), 600), tag));

            assertThat(modified.getStatusCode()).isEqualTo(Response.OK);
            assertThat(state(user)).isEqualTo("closed");
            assertThat(presence(user).tuples()).extracting(tuple -> tuple.status().basic()).containsExactly(Basic.CLOSED);

            Response removed = send(phone, withIfMatch(phone, publish(phone, null, 0), entityTag(modified)));

            assertThat(removed.getStatusCode()).isEqualTo(Response.OK);
            assertThat(expires(removed)).isZero();
            // without publication nor binding, the registration says closed: one tuple of the platform's
            assertThat(presence(user).tuples()).extracting(Tuple::id).containsExactly("registration");
            assertThat(send(phone, withIfMatch(phone, publish(phone, null, 600), entityTag(modified))).getStatusCode())
                    .isEqualTo(Response.CONDITIONAL_REQUEST_FAILED);
        }
    }

    @Test
    void registrationIsPresenceWhenNothingIsPublished() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            assertThat(state(user)).isEqualTo("closed");

            assertThat(send(phone, phone.register(300)).getStatusCode()).isEqualTo(Response.OK);
            assertThat(state(user)).isEqualTo("open");

            assertThat(send(phone, phone.register(0)).getStatusCode()).isEqualTo(Response.OK);
            assertThat(state(user)).isEqualTo("closed");
        }
    }

    @Test
    void anUnknownEntityTagIs412() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Response answer = send(phone, withIfMatch(phone, publish(phone, null, 600), "never-issued"));

            assertThat(answer.getStatusCode()).isEqualTo(Response.CONDITIONAL_REQUEST_FAILED);
        }
    }

    @Test
    void anUnknownEventIs489WithAllowEvents() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Request dialog = publish(phone, document(phone, "t1", "open", null), 600);
            phone.setHeader(dialog, "Event", "dialog");

            Response answer = send(phone, dialog);

            assertThat(answer.getStatusCode()).isEqualTo(Response.BAD_EVENT);
            assertThat(((AllowEventsHeader) answer.getHeader(AllowEventsHeader.NAME)).getEventType())
                    .isEqualTo("presence");
        }
    }

    /**
     * A PUBLISH without Event (sent raw: JAIN-SIP will not send one), answered by the server itself since
     * JAIN-SIP gives it no transaction (design notes, "Presence publications").
     */
    @Test
    void aMissingEventIs489WithAllowEvents() {
        String user = presentity();
        try (RawSipClient client = RawSipClient.udp(platform.sipAddress())) {
            Optional<Answer> answer = client.exchange(client.request("PUBLISH", aor(user), aor(user), aor(user),
                    "Expires: 600\n"), ANSWER_WITHIN);

            assertThat(answer).map(Answer::status).contains(Response.BAD_EVENT);
            assertThat(answer.orElseThrow().header("Allow-Events")).isEqualTo("presence");
        }
    }

    @Test
    void malformedInvalidOrSomeoneElsesDocumentsAre400WithTheirReason() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            String invalid = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + phone.aor()
                    + "\"><tuple id=\"t1\"><status><basic>unknown</basic></status></tuple></presence>";
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + phone.aor() + "\"><note>&x;</note></presence>";
            Map<String, String> reasons = Map.of(
                    "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"", "Malformed PIDF Document",
                    xxe, "Malformed PIDF Document",
                    invalid, "PIDF Document Not Valid Against RFC 3863 Schema",
                    document("sip:bob@127.0.0.1", "t1", "open", null), "PIDF Entity Is Not The Presentity");

            reasons.forEach((body, reason) -> {
                Response answer = send(phone, publish(phone, body, 600));
                assertThat(answer.getStatusCode()).as(body).isEqualTo(Response.BAD_REQUEST);
                assertThat(answer.getReasonPhrase()).as(body).isEqualTo(reason);
            });
            assertThat(state(user)).isEqualTo("closed");
        }
    }

    @Test
    void anotherMediaTypeIs415WithAccept() throws ParseException {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Request request = publish(phone, document(phone, "t1", "open", null), 600);
            request.setContent(document(phone, "t1", "open", null).getBytes(StandardCharsets.UTF_8),
                    contentType(phone, "application/xpidf+xml"));

            Response answer = send(phone, request);

            assertThat(answer.getStatusCode()).isEqualTo(Response.UNSUPPORTED_MEDIA_TYPE);
            AcceptHeader accept = (AcceptHeader) answer.getHeader(AcceptHeader.NAME);
            assertThat(accept.getContentType() + "/" + accept.getContentSubType()).isEqualTo(PIDF);
        }
    }

    @Test
    void tooShortIs423WithMinExpires() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Response answer = send(phone, publish(phone, document(phone, "t1", "open", null), 1));

            assertThat(answer.getStatusCode()).isEqualTo(Response.INTERVAL_TOO_BRIEF);
            assertThat(((MinExpiresHeader) answer.getHeader(MinExpiresHeader.NAME)).getExpires()).isEqualTo(2);
        }
    }

    @Test
    void aUserPublishesOnlyItsOwnPresenceInOurDomains() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            Request forBob = phone.request("PUBLISH", "sip:bob@" + DOMAIN, "sip:bob@" + DOMAIN);
            Request forNobody = phone.request("PUBLISH", "sip:nobody@" + DOMAIN, "sip:nobody@" + DOMAIN);
            Request forForeign = phone.request("PUBLISH", "sip:" + user + "@example.net", "sip:" + user + "@example.net");

            assertThat(send(phone, withBody(phone, forBob, document("sip:bob@" + DOMAIN, "t1", "open", null), 600))
                    .getStatusCode()).isEqualTo(Response.FORBIDDEN);
            assertThat(send(phone, withBody(phone, forNobody, document("sip:nobody@" + DOMAIN, "t1", "open", null), 600))
                    .getStatusCode()).isEqualTo(Response.NOT_FOUND);
            // a foreign domain is refused before any challenge
            Response foreign = phone.send(withBody(phone, forForeign, document("sip:" + user + "@example.net", "t1", "open",
                    null), 600));
            assertThat(foreign.getStatusCode()).isEqualTo(Response.FORBIDDEN);
            assertThat(state("bob")).isEqualTo("closed");
        }
    }

    @Test
    void aPhoneAndADesktopAreComposedNewestFirstWithOnePerson() throws InvalidPidfException {
        String user = presentity();
        try (TestPhone desktop = phone(user); TestPhone handset = phone(user)) {
            published(desktop, rich(desktop, "desk", "closed", "<rpid:away/>", "urn:uuid:11111111-2222-4333-8444-555555555555"), 600);
            published(handset, rich(handset, "desk", "open", "<rpid:on-the-phone/>", "urn:uuid:66666666-7777-4888-9999-000000000000"), 600);

            Presence composed = presence(user);

            assertThat(composed.tuples()).extracting(Tuple::id).containsExactly("desk", "desk-2");
            assertThat(composed.tuples()).extracting(Tuple::isOpen).containsExactly(true, false);
            assertThat(composed.persons()).singleElement().satisfies(person ->
                    assertThat(person.activities().orElseThrow().names()).containsExactly("on-the-phone"));
            assertThat(composed.devices()).hasSize(2);
            assertThat(state(user)).isEqualTo("open");
        }
    }

    @Test
    void aPublicationThatIsNotRefreshedExpires() {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            published(phone, document(phone, "t1", "open", null), 2);
            assertThat(state(user)).isEqualTo("open");

            Await.until("the 2 s publication of " + user + " expired", Duration.ofSeconds(15),
                    () -> "closed".equals(state(user)));
        }
    }

    @Test
    void aPublicationSurvivesARestartAndItsEntityTagStillRefreshesIt() throws InvalidPidfException {
        String user = presentity();
        try (TestPhone phone = phone(user)) {
            String tag = entityTag(published(phone, document(phone, "t1", "open", "sip:" + user + "@192.0.2.30"), 600));

            platform.restart();

            assertThat(presence(user).tuples()).singleElement()
                    .satisfies(tuple -> assertThat(tuple.contact().uri()).isEqualTo("sip:" + user + "@192.0.2.30"));
            Response refreshed = send(phone, withIfMatch(phone, publish(phone, null, 600), tag));
            assertThat(refreshed.getStatusCode()).isEqualTo(Response.OK);
        }
    }

    // --- the publisher ---------------------------------------------------------------------------

    /** PUBLISH of the phone's own presence, with {@code body} (none when null) and {@code Expires}. */
    private static Request publish(TestPhone phone, String body, int expires) {
        return withBody(phone, phone.request("PUBLISH", phone.aor(), phone.aor()), body, expires);
    }

    private static Request withBody(TestPhone phone, Request request, String body, int expires) {
        phone.setHeader(request, "Event", "presence");
        phone.setHeader(request, ExpiresHeader.NAME, Integer.toString(expires));
        if (body != null) {
            try {
                request.setContent(body.getBytes(StandardCharsets.UTF_8), contentType(phone, PIDF));
            } catch (ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return request;
    }

    private static ContentTypeHeader contentType(TestPhone phone, String type) {
        Request scratch = phone.request("OPTIONS", phone.aor(), phone.aor());
        phone.setHeader(scratch, ContentTypeHeader.NAME, type);
        return (ContentTypeHeader) scratch.getHeader(ContentTypeHeader.NAME);
    }

    private static Request withIfMatch(TestPhone phone, Request request, String entityTag) {
        phone.setHeader(request, "SIP-If-Match", entityTag);
        return request;
    }

    private static Response send(TestPhone phone, Request request) {
        return phone.sendAuthenticated(request, RunningPlatform.DEMO_PASSWORD);
    }

    private static Response published(TestPhone phone, String body, int expires) {
        Response answer = send(phone, publish(phone, body, expires));
        assertThat(answer.getStatusCode()).as("PUBLISH " + answer.getReasonPhrase()).isEqualTo(Response.OK);
        return answer;
    }

    private static String document(TestPhone phone, String tupleId, String basic, String contact) {
        return document(phone.aor(), tupleId, basic, contact);
    }

    private static String document(String entity, String tupleId, String basic, String contact) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\""
                + entity + "\"><tuple id=\"" + tupleId + "\"><status><basic>" + basic + "</basic></status>"
                + (contact == null ? "" : "<contact>" + contact + "</contact>") + "</tuple></presence>";
    }

    /** A document as baresip writes it (person first), with an activity and a device. */
    private static String rich(TestPhone phone, String tupleId, String basic, String activity, String deviceId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\""
                + " entity=\"" + phone.aor() + "\"><dm:person id=\"p1\"><rpid:activities>" + activity
                + "</rpid:activities></dm:person><tuple id=\"" + tupleId + "\"><status><basic>" + basic
                + "</basic></status><contact>" + phone.contactUri() + "</contact></tuple>"
                + "<dm:device id=\"d1\"><dm:deviceID>" + deviceId + "</dm:deviceID></dm:device></presence>";
    }

    private static String entityTag(Response answer) {
        SIPETagHeader tag = (SIPETagHeader) answer.getHeader(SIPETagHeader.NAME);
        assertThat(tag).as("SIP-ETag of the " + answer.getStatusCode()).isNotNull();
        return tag.getETag();
    }

    private static int expires(Response answer) {
        return ((ExpiresHeader) answer.getHeader(ExpiresHeader.NAME)).getExpires();
    }

    // --- the operator ----------------------------------------------------------------------------

    private JsonNode presenceJson(String user) {
        HttpResponse<String> answer = console().send(console().asAdmin("/api/presence/" + user + "@" + DOMAIN).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try {
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("aor").asText()).isEqualTo("sip:" + user + "@" + DOMAIN);
            return body;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private String state(String user) {
        return presenceJson(user).get("state").asText();
    }

    /** The composed document, validated against the PIDF schemas and read with the JAXB binder. */
    private Presence presence(String user) throws InvalidPidfException {
        return XML.read(presenceJson(user).get("pidf").asText().getBytes(StandardCharsets.UTF_8));
    }
}
