package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.sip.header.ContactHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The console's REST API over HTTP, through the whole EAR: an operator creates an account, its phone
 * registers, the operator sees the binding and removes it, and the phone's registration is gone.
 *
 * <pre>
 *   operator (HTTP)                  platform                          carol's phone (SIP)
 *     |--- POST /api/accounts ---------->|                                    |
 *     |<-- 201 Location -----------------|                                    |
 *     |                                  |<------ REGISTER Contact: c --------|
 *     |                                  |------- 200 OK ------------------->|
 *     |--- GET /api/bindings?aor= ------>|                                    |
 *     |<-- 200 [c] ----------------------|                                    |
 *     |--- DELETE /api/bindings?aor=&contact=c ->|                            |
 *     |<-- 204 --------------------------|                                    |
 *     |                                  |<------ REGISTER (query) ----------|
 *     |                                  |------- 200 OK, no Contact ------->|
 * </pre>
 */
class ConsoleIT extends PlatformTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Tomcat 7 speaks HTTP/1.1 only; asking it for an h2c upgrade on every new connection is pointless. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void healthNeedsNoCredentials() {
        assertThat(send(request("/api/health").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void apiRefusesMissingAndWrongCredentialsWithABasicChallenge() {
        HttpResponse<String> anonymous = send(request("/api/accounts").GET());
        HttpResponse<String> wrongPassword = send(asAdmin("/api/accounts", "not-the-password").GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"sip-platform\"");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("\"error\"");
    }

    @Test
    void accountCreatedInTheConsoleRegistersAndItsBindingCanBeRemoved() {
        // a name of its own per run: the platform's data directory under it-runs/ outlives the run
        String username = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"" + username + "\",\"displayName\":\"Carol\",\"password\":\"carol-secret\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/accounts/" + username + "@127.0.0.1");

        try (TestPhone carol = TestPhone.open(username, "127.0.0.1", platform.sipAddress())) {
            assertThat(carol.sendAuthenticated(carol.register(600), "carol-secret").getStatusCode()).isEqualTo(Response.OK);

            String bindingsOfCarol = "/api/bindings?aor=" + encode(carol.aor());
            HttpResponse<String> listed = send(asAdmin(bindingsOfCarol).GET());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("\"contact\":\"" + carol.contactUri() + "\"");

            HttpResponse<String> removed = send(asAdmin(bindingsOfCarol + "&contact=" + encode(carol.contactUri())).DELETE());
            assertThat(removed.statusCode()).isEqualTo(204);

            Response query = carol.sendAuthenticated(carol.registrationQuery(), "carol-secret");
            assertThat(query.getStatusCode()).isEqualTo(Response.OK);
            assertThat(query.getHeader(ContactHeader.NAME)).isNull();
        }
    }

    @Test
    void malformedJsonIsABadRequestAndADuplicateAConflict() {
        HttpResponse<String> malformed = send(asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(json("{\"username\": \"dave\",")));
        HttpResponse<String> duplicate = send(asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(json("{\"username\":\"alice\",\"password\":\"another-secret\"}")));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("{\"error\":\"malformed JSON");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).isEqualTo("{\"error\":\"account alice@127.0.0.1 already exists\"}");
    }

    @Test
    void browserUiIsServedWithItsScriptAndStyle() {
        HttpResponse<String> page = send(request("/").GET());
        HttpResponse<String> script = send(request("/console.js").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"console.js\"", "<link rel=\"stylesheet\" href=\"console.css\">");
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(send(request("/console.css").GET()).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.httpBaseUrl() + path)).timeout(TIMEOUT);
    }

    private HttpRequest.Builder asAdmin(String path) {
        return asAdmin(path, RunningPlatform.ADMIN_PASSWORD);
    }

    private HttpRequest.Builder asAdmin(String path, String password) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return request(path).header("Authorization", "Basic " + credentials);
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("console did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
