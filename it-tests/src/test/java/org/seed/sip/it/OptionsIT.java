package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.phone.TestPhone;

/**
 * OPTIONS to the server itself (RFC 3261 §11), through the whole EAR.
 *
 * <pre>
 *   phone                    platform
 *     |--- OPTIONS sip:host --->|
 *     |<-- 200 OK, Allow -------|
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
            assertThat(allowed(answer)).contains("REGISTER", "OPTIONS", "SUBSCRIBE");
            assertThat(answer.getHeader("Allow-Events")).hasToString("Allow-Events: reg\r\n");
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

    private static List<String> allowed(Response answer) {
        List<String> methods = new ArrayList<>();
        answer.getHeaders(AllowHeader.NAME).forEachRemaining(header -> methods.add(((AllowHeader) header).getMethod()));
        return methods;
    }
}
