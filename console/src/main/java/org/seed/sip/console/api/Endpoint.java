package org.seed.sip.console.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The methods one API path answers, as a table from method to handler; any other method is answered
 * 405 with the {@code Allow} header listing the table (RFC 9110 §15.5.6).
 */
final class Endpoint {

    /** Handles one request, made by the administrator {@code admin} ({@code user@domain}). */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request, AccountId admin);
    }

    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    Endpoint on(String method, Handler handler) {
        handlers.put(method, handler);
        return this;
    }

    ApiResponse dispatch(ApiRequest request, AccountId admin) {
        Handler handler = handlers.get(request.method());
        if (handler == null) {
            throw ApiException.methodNotAllowed(request.method(), handlers.keySet());
        }
        return handler.handle(request, admin);
    }
}
