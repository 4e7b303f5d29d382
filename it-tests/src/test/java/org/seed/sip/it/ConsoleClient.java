package org.seed.sip.it;

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

import org.seed.sip.it.arquillian.RunningPlatform;

/** The console's HTTP API as an operator's client speaks it, to the platform under test. */
final class ConsoleClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Tomcat 7 speaks HTTP/1.1 only; asking it for an h2c upgrade on every new connection is pointless. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private final RunningPlatform platform;

    ConsoleClient(RunningPlatform platform) {
        this.platform = platform;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.httpBaseUrl() + path)).timeout(TIMEOUT);
    }

    /** A request with the bootstrap administrator's HTTP Basic credentials. */
    HttpRequest.Builder asAdmin(String path) {
        return asAdmin(path, RunningPlatform.ADMIN_PASSWORD);
    }

    HttpRequest.Builder asAdmin(String path, String password) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return request(path).header("Authorization", "Basic " + credentials);
    }

    static HttpRequest.BodyPublisher json(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
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
