package org.seed.sip.console.api;

import java.util.Map;

/**
 * What the API answers: a status, headers and a body that becomes JSON (none when null).
 *
 * @param body a record, map or list Jackson can write, or a {@link Text} sent as it is; null for no body
 */
public record ApiResponse(int status, Map<String, String> headers, Object body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, Map.of(), body);
    }

    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, Map.of("Location", location), body);
    }

    /** A body of {@code mediaType} (with its parameters), sent as UTF-8 text instead of JSON. */
    public static ApiResponse text(String mediaType, String text) {
        return new ApiResponse(200, Map.of(), new Text(mediaType, text));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    /** {@code {"error": message}}, the one shape of every error the API answers. */
    public static ApiResponse error(int status, String message, Map<String, String> headers) {
        return new ApiResponse(status, headers, new ErrorBody(message));
    }

    /** A body that is not JSON: its media type and its text. */
    public record Text(String mediaType, String text) {
    }

    /** The body of an error answer. */
    public record ErrorBody(String error) {
    }
}
