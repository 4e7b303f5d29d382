package org.seed.sip.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.console.api.ApiException;
import org.seed.sip.console.api.ApiRequest;
import org.seed.sip.console.api.ApiResponse;
import org.seed.sip.console.api.ConsoleApi;
import org.seed.sip.console.api.ConsoleSettings;
import org.seed.sip.console.api.Json;
import org.seed.sip.console.api.QueryString;
import org.seed.sip.kit.platform.SharedPlatform;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/*}: turns the HTTP request into an {@link ApiRequest}, and {@link ConsoleApi}'s answer into HTTP. */
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** Far more than any account's JSON; a larger body is refused before it is held in memory. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Built on first use, not in {@code init()}: a store that cannot be opened is then answered 503 and tried
     * again on the next request, instead of leaving the servlet unavailable until a restart.
     */
    private transient volatile ConsoleApi api;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiResponse answer;
        try {
            answer = api().handle(apiRequest(request));
        } catch (ApiException e) {
            answer = e.toResponse();
        } catch (StoreException e) {
            LOG.warn("console API: {}", e.getMessage());
            answer = ApiResponse.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the store is unavailable", Map.of());
        }
        write(answer, response);
    }

    private ConsoleApi api() {
        ConsoleApi current = api;
        if (current == null) {
            // two first requests at once may both build one: harmless, both are equivalent
            current = ConsoleApi.create(Store.shared(), ConsoleSettings.from(PlatformSettings.current()), Clock.systemUTC(),
                    SharedPlatform.process().calls());
            api = current;
        }
        return current;
    }

    private static ApiRequest apiRequest(HttpServletRequest request) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return new ApiRequest(request.getMethod(), path, QueryString.parse(request.getQueryString()),
                request.getHeader("Authorization"), request.getContentType(), body(request), request.getHeader("Accept"));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLength() > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
            }
            return body;
        }
    }

    private static void write(ApiResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        // accounts and bindings are neither to be cached by the browser nor by anything in between
        response.setHeader("Cache-Control", "no-store");
        if (answer.body() instanceof ApiResponse.Text text) {
            writeBody(text.text().getBytes(StandardCharsets.UTF_8), text.mediaType() + ";charset=UTF-8", response);
        } else if (answer.body() != null) {
            writeBody(Json.write(answer.body()), "application/json;charset=UTF-8", response);
        }
    }

    private static void writeBody(byte[] body, String contentType, HttpServletResponse response) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
