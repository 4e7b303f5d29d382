package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sip.header.AllowEventsHeader;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * OPTIONS to the server itself (RFC 3261 §11), through the whole EAR: answered by the edge with what the
 * deployed applications serve. OPTIONS to a user goes to the B2BUA, which asks the user's phone (CallsIT);
 * a user of ours asking proves who it is first, as for a call.
 *
 * <pre>
 *   phone                          platform (edge, B2BUA)
 *     |--- OPTIONS sip:host --------->|
 *     |<-- 200 OK, Allow ------------|
 *     |--- OPTIONS sip:nobody@host -->|   (after the 407 challenge)
 *     |<-- 404 ----------------------|   no such user
 *     |--- OPTIONS sip:bob@host ----->|
 *     |<-- 480 ----------------------|   no binding
 * </pre>
 */
class OptionsIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void serverAnswersOptionsWithWhatItAllows() {
        try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            String server = "sip:127.0.0.1:" + platform.sipAddress().getPort();
            Request options = phone.request(Request.OPTIONS, server, server);

            Response answer = phone.send(options);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(allowed(answer)).contains("REGISTER", "OPTIONS", "SUBSCRIBE", "PUBLISH", "MESSAGE");
            assertThat(eventPackages(answer)).containsExactlyInAnyOrder("reg", "presence", "presence.winfo");
            assertThat(answer.getHeader("Accept")).isNotNull();
        }
    }

    @Test
    void serverAnswersOptionsOverTcpToo() {
        try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress(), "tcp")) {
            String server = "sip:127.0.0.1:" + platform.sipAddress().getPort() + ";transport=tcp";

            Response answer = phone.send(phone.request(Request.OPTIONS, server, server));

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        }
    }

    @Test
    void onlyWhatTheDeployedApplicationsServeIsAdvertised() {
        try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            String server = "sip:127.0.0.1:" + platform.sipAddress().getPort();

            Response answer = phone.send(phone.request(Request.OPTIONS, server, server));

            // the conference application answers 501 for now: it contributes nothing
            assertThat(allowed(answer)).containsExactlyInAnyOrder("REGISTER", "OPTIONS", "SUBSCRIBE", "INVITE", "ACK",
                    "CANCEL", "BYE", "UPDATE", "INFO", "PRACK", "REFER", "PUBLISH", "MESSAGE");
            List<String> supported = new ArrayList<>();
            answer.getHeaders("Supported").forEachRemaining(header -> supported.add(header.toString()));
            assertThat(String.join("", supported)).contains("path", "100rel", "timer", "replaces");
        }
    }

    @Test
    void optionsToAnUnknownUserIsNotFound() {
        assertThat(optionsTo("sip:nobody@127.0.0.1").getStatusCode()).isEqualTo(Response.NOT_FOUND);
    }

    @Test
    void optionsToAUserWithoutBindingIsTemporarilyUnavailable() {
        assertThat(optionsTo("sip:bob@127.0.0.1").getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void optionsOfAStrangerToAnotherServerIsRefused() {
        try (TestPhone stranger = TestPhone.open("mallory", "elsewhere.example", platform.sipAddress())) {
            String uri = "sip:alice@127.0.0.1:9";

            assertThat(stranger.send(stranger.request(Request.OPTIONS, uri, uri)).getStatusCode())
                    .isEqualTo(Response.FORBIDDEN);
        }
    }

    private Response optionsTo(String uri) {
        try (TestPhone bob = TestPhone.open("bob", "127.0.0.1", platform.sipAddress())) {
            return bob.sendAuthenticated(bob.request(Request.OPTIONS, uri, uri), RunningPlatform.DEMO_PASSWORD);
        }
    }

    private static List<String> allowed(Response answer) {
        List<String> methods = new ArrayList<>();
        answer.getHeaders(AllowHeader.NAME).forEachRemaining(header -> methods.add(((AllowHeader) header).getMethod()));
        return methods;
    }

    private static List<String> eventPackages(Response answer) {
        List<String> packages = new ArrayList<>();
        answer.getHeaders(AllowEventsHeader.NAME)
                .forEachRemaining(header -> packages.add(((AllowEventsHeader) header).getEventType()));
        return packages;
    }
}
