package org.seed.sip.common.edge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seed.sip.common.sip.PlatformCapabilities;

/** The final answer the edge gives: status, a fixed reason phrase, and the headers RFC 3261 asks for. */
public record EdgeAnswer(int status, String reason, Map<String, String> headers) {

    public EdgeAnswer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static EdgeAnswer of(int status, String reason) {
        return new EdgeAnswer(status, reason, Map.of());
    }

    /**
     * With a list header only if the list has values: Allow-Events needs one (RFC 6665 §8.2.2, 1#event-type),
     * and an empty Supported says nothing.
     */
    EdgeAnswer withAny(String header, List<String> values) {
        return values.isEmpty() ? this : with(header, PlatformCapabilities.headerValue(values));
    }

    EdgeAnswer with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new EdgeAnswer(status, reason, more);
    }
}
