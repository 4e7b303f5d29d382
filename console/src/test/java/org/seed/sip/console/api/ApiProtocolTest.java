package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;

/** How the API answers what it cannot serve: unknown paths, wrong methods, bodies that are not JSON, failures. */
class ApiProtocolTest extends ApiTestSupport {

    @Test
    void unknownPathIsNotFoundAsJson() {
        for (String path : new String[] {"", "/", "/nothing", "/accounts/alice", "/accounts/a@example.com/x", "/bindings/x"}) {
            ApiResponse answer = call("GET", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(error(answer)).as(path).isEqualTo("no such resource: /api" + path);
        }
    }

    @Test
    void wrongMethodIs405ListingTheAllowedOnes() {
        ApiResponse answer = call("PUT", "/accounts");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers()).containsEntry("Allow", "GET, POST");
        assertThat(error(answer)).isEqualTo("PUT is not allowed here");
        assertThat(call("POST", "/accounts/admin@example.com").headers()).containsEntry("Allow", "DELETE, GET, PATCH");
        assertThat(call("PATCH", "/bindings").headers()).containsEntry("Allow", "DELETE, GET");
    }

    @Test
    void malformedJsonIsABadRequest() {
        ApiResponse answer = call("POST", "/accounts", "{\"username\": \"alice\",");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith("malformed JSON: ");
        assertThat(error(call("POST", "/accounts", "[1, 2]"))).isEqualTo("the request body must be one JSON object");
        assertThat(error(call("POST", "/accounts", ""))).isEqualTo("the request body must be one JSON object");
        assertThat(error(call("POST", "/accounts", "null"))).isEqualTo("the request body must be one JSON object");
        assertThat(error(call("POST", "/accounts", "{} {}"))).isEqualTo("the request body must be one JSON object");
        assertThat(error(call("POST", "/accounts", "{\"user\":\"alice\"}"))).isEqualTo("unknown field 'user'");
        assertThat(error(call("POST", "/accounts", "{\"username\":\"a\",\"admin\":\"true\"}")))
                .isEqualTo("field 'admin' has the wrong type");
    }

    @Test
    void bodyThatIsNotDeclaredJsonIsRefused() {
        // a cross-site HTML form can POST text/plain or form data, but not application/json without CORS
        byte[] body = "{\"username\":\"eve\",\"password\":\"eve-secret\",\"admin\":true}".getBytes(StandardCharsets.UTF_8);
        ApiRequest form = new ApiRequest("POST", "/accounts", Map.of(), basic("admin", ADMIN_PASSWORD), "text/plain", body);

        ApiResponse answer = api.handle(form);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(store.accounts().find("eve", "example.com")).isEmpty();
        ApiRequest withCharset = new ApiRequest("POST", "/accounts", Map.of(), basic("admin", ADMIN_PASSWORD),
                "Application/JSON; charset=utf-8", body);
        assertThat(api.handle(withCharset).status()).isEqualTo(201);
    }

    @Test
    void failureInsideIsA500WithoutItsDetails(@TempDir Path otherDataDir) {
        Store closed = Store.open(new StoreSettings("jdbc:h2:file:" + otherDataDir.resolve("db"), "sip", "sip", 1));
        closed.close();
        ConsoleApi broken = ConsoleApi.create(closed, SETTINGS, Clock.systemUTC(), liveCalls);

        ApiResponse answer = broken.handle(request("GET", "/accounts", null));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(json(answer).toString()).isEqualTo("{\"error\":\"internal error; the platform log has the details\"}");
    }

    @Test
    void storeOutageIsA503(@TempDir Path otherDataDir) throws SQLException {
        String url = "jdbc:h2:file:" + otherDataDir.resolve("db");
        try (Store store = Store.open(new StoreSettings(url, "sip", "sip", 1))) {
            ConsoleApi api = ConsoleApi.create(store, SETTINGS, Clock.systemUTC(), liveCalls);
            // the database goes away under the running store, as when its server stops
            try (Connection connection = DriverManager.getConnection(url, "sip", "sip")) {
                connection.createStatement().execute("SHUTDOWN");
            }

            ApiResponse answer = api.handle(request("GET", "/accounts", null));

            assertThat(answer.status()).isEqualTo(503);
            assertThat(json(answer).toString()).isEqualTo("{\"error\":\"the store is unavailable; try again shortly\"}");
        }
    }
}
