package org.seed.sip.console.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request the API refuses, with the status and the message the client gets; thrown from anywhere in
 * the API's logic and turned into an {@link ApiResponse} in one place, {@link ConsoleApi}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** RFC 7617 §2: the challenge a client without valid credentials gets. */
    private static final String BASIC_CHALLENGE = "Basic realm=\"sip-platform\"";

    private final int status;
    private final transient Map<String, String> headers;

    private ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, Map.of());
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "valid administrator credentials required", Map.of("WWW-Authenticate", BASIC_CHALLENGE));
    }

    public static ApiException forbidden() {
        return new ApiException(403, "this account is not an administrator", Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, Map.of());
    }

    public static ApiException methodNotAllowed(String method, Set<String> allowed) {
        return new ApiException(405, method + " is not allowed here", Map.of("Allow", String.join(", ", new TreeSet<>(allowed))));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, Map.of());
    }

    public static ApiException payloadTooLarge(int limit) {
        return new ApiException(413, "request body larger than " + limit + " bytes", Map.of());
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "the request body must be JSON (Content-Type: application/json)", Map.of());
    }

    public int status() {
        return status;
    }

    public ApiResponse toResponse() {
        return ApiResponse.error(status, getMessage(), headers);
    }
}
