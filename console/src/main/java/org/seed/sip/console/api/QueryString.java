package org.seed.sip.console.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes a URL's query as UTF-8 form encoding. The API reads the raw query itself rather than through
 * {@code getParameter}, which would also consume a form-encoded request body.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * @param raw the query without its {@code ?}, or null
     * @return each name's first value
     * @throws ApiException 400 if an escape is malformed
     */
    public static Map<String, String> parse(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string: " + e.getMessage());
        }
    }
}
