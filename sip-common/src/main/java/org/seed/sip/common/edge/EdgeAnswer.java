package org.seed.sip.common.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/** The final answer the edge gives: status, a fixed reason phrase, and the headers RFC 3261 asks for. */
public record EdgeAnswer(int status, String reason, Map<String, String> headers) {

    public EdgeAnswer {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static EdgeAnswer of(int status, String reason) {
        return new EdgeAnswer(status, reason, Map.of());
    }

    EdgeAnswer with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new EdgeAnswer(status, reason, more);
    }
}
