package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import javax.sip.header.WarningHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The EAR as {@code bin/sip-platform} runs it: every module deployed, the router file sending each request
 * to its application, and one store shared by all of them.
 *
 * <pre>
 *   phone                         router (conf/dar.properties)          application
 *     |--- REGISTER -------------->| REGISTER                    ------> registrar-app  200
 *     |--- INVITE sip:bob -------->| INVITE, not a conference URI ------> b2bua-app      407 (the caller proves who it is)
 *     |--- INVITE sip:conf-1 ----->| INVITE to sip:conf-...      ------> conference-app 501 (not yet)
 *     |--- MESSAGE sip:bob ------->| MESSAGE                     ------> presence-app   501 (not yet)
 * </pre>
 */
class PlatformEarIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void registerReachesTheRegistrar() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            assertThat(alice.sendAuthenticated(alice.register(300), RunningPlatform.DEMO_PASSWORD).getStatusCode())
                    .isEqualTo(Response.OK);
        }
    }

    @Test
    void inviteToAUserReachesTheB2bua() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response answer = alice.send(alice.request(Request.INVITE, "sip:bob@127.0.0.1", "sip:bob@127.0.0.1"));

            // the B2BUA's challenge, as a proxy for the domain (RFC 3261 §22.3); the registrar's would be a 401
            assertThat(answer.getStatusCode()).isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
            assertThat(answer.getHeader("Proxy-Authenticate")).isNotNull();
        }
    }

    @Test
    void inviteToAConferenceUriReachesTheConferenceFocus() {
        assertThat(answeringApplication(Request.INVITE, "sip:conf-1@127.0.0.1")).contains("conference-app");
    }

    @Test
    void messageReachesPresence() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Request message = alice.request(Request.MESSAGE, "sip:bob@127.0.0.1", "sip:bob@127.0.0.1");
            // presence's instant messages keep it for bob, who is not registered (RFC 3428 §7: 202)
            assertThat(alice.sendAuthenticated(message, RunningPlatform.DEMO_PASSWORD).getStatusCode()).isEqualTo(202);
        }
    }

    @Test
    void allApplicationsShareOneStore() throws IOException, InterruptedException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            alice.sendAuthenticated(alice.register(300), RunningPlatform.DEMO_PASSWORD);
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.httpBaseUrl() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"accounts\":3");
        // the registrar and the console both used the store; it was opened once, from the EAR's lib/
        assertThat(Files.readAllLines(platform.logFile())).filteredOn(line -> line.contains("store open:")).hasSize(1);
    }

    /** Sends {@code method} to {@code uri} and returns the Warning text of the 501 it must get. */
    private String answeringApplication(String method, String uri) {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response answer = alice.send(alice.request(method, uri, uri));

            assertThat(answer.getStatusCode()).isEqualTo(Response.NOT_IMPLEMENTED);
            WarningHeader warning = (WarningHeader) answer.getHeader(WarningHeader.NAME);
            assertThat(warning).as("Warning header of the 501").isNotNull();
            return warning.getText();
        }
    }
}
