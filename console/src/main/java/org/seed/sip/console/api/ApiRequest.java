package org.seed.sip.console.api;

import java.util.Map;

/**
 * One HTTP request to the API, as plain values: what {@link ConsoleApi} needs, without the servlet API.
 *
 * @param method        HTTP method, upper case
 * @param path          the path below {@code /api}, decoded: {@code /accounts/alice@example.com}
 * @param query         query parameters, decoded; the first value of a repeated name
 * @param authorization the {@code Authorization} header, or null
 * @param contentType   the {@code Content-Type} header, or null
 * @param body          the request body; empty when there is none
 */
public record ApiRequest(String method, String path, Map<String, String> query, String authorization,
        String contentType, byte[] body) {

    public ApiRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** A query parameter, or null when absent or empty. */
    public String parameter(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
