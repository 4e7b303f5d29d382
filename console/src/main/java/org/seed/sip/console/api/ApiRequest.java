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
 * @param accept        the {@code Accept} header, or null
 */
public record ApiRequest(String method, String path, Map<String, String> query, String authorization,
        String contentType, byte[] body, String accept) {

    public ApiRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** A request without an {@code Accept} header. */
    public ApiRequest(String method, String path, Map<String, String> query, String authorization,
            String contentType, byte[] body) {
        this(method, path, query, authorization, contentType, body, null);
    }

    /**
     * Whether the {@code Accept} header lists {@code mediaType} (parameters and case aside) with a non-zero
     * quality (RFC 9110 §12.5.1).
     */
    public boolean accepts(String mediaType) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equalsIgnoreCase(mediaType) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] rangeAndParameters) {
        for (int i = 1; i < rangeAndParameters.length; i++) {
            String parameter = rangeAndParameters[i].strip();
            if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }

    /** A query parameter, or null when absent or empty. */
    public String parameter(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
