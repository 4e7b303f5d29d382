package org.seed.sip.console.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.kit.calls.LiveCallsRegistry;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;

/**
 * A {@link ConsoleApi} over a real store: an H2 file database in a temporary directory, emptied before
 * each test and given one administrator, {@code admin@example.com}.
 */
abstract class ApiTestSupport {

    static final String ADMIN_PASSWORD = "admin-secret";
    static final ConsoleSettings SETTINGS = new ConsoleSettings(List.of("example.com", "Other.Example"));
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @TempDir
    static Path dataDir;
    static Store store;

    /** The calls a test's B2BUA stand-in offers; none unless it provides some. */
    final LiveCallsRegistry liveCalls = new LiveCallsRegistry();
    final ConsoleApi api = ConsoleApi.create(store, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC), liveCalls);

    @BeforeAll
    static void openStore() {
        String url = "jdbc:h2:file:" + dataDir.resolve("platform") + ";AUTO_SERVER=TRUE";
        store = Store.open(new StoreSettings(url, "sip", "sip", 2));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void emptyStoreWithOneAdministrator() {
        store.inTransaction(em -> {
            em.createNativeQuery("delete from bindings").executeUpdate();
            em.createNativeQuery("delete from call_records").executeUpdate();
            em.createNativeQuery("delete from event_subscriptions").executeUpdate();
            em.createNativeQuery("delete from presence_publications").executeUpdate();
            return em.createNativeQuery("delete from accounts").executeUpdate();
        });
        store.accounts().create("admin", "example.com", "Administrator", ADMIN_PASSWORD.toCharArray(), true);
    }

    static String basic(String userId, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ApiRequest request(String method, String pathAndQuery, String json) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, String> query = QueryString.parse(question < 0 ? null : pathAndQuery.substring(question + 1));
        return new ApiRequest(method, path, query, basic("admin", ADMIN_PASSWORD),
                json == null ? null : "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse call(String method, String pathAndQuery) {
        return api.handle(request(method, pathAndQuery, null));
    }

    ApiResponse call(String method, String pathAndQuery, String json) {
        return api.handle(request(method, pathAndQuery, json));
    }

    /** The answer's body as the client reads it: through the API's own JSON writer. */
    static JsonNode json(ApiResponse response) {
        try {
            return new ObjectMapper().readTree(Json.write(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String error(ApiResponse response) {
        return json(response).path("error").asText();
    }
}
