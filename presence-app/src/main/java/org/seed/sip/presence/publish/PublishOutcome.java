package org.seed.sip.presence.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to a PUBLISH: status, reason phrase and headers, and what the log line says happened. */
public record PublishOutcome(int status, String reason, Map<String, String> headers, String what) {

    public PublishOutcome {
        headers = new LinkedHashMap<>(headers);
    }

    /** RFC 3903 §6 step 8: 200 with the new entity-tag and the granted duration. */
    static PublishOutcome ok(String entityTag, int expires, String what) {
        return new PublishOutcome(200, "OK", Map.of("SIP-ETag", entityTag, "Expires", Integer.toString(expires)), what);
    }

    /** A removal (RFC 3903 §4.4): nothing left to refresh, so no entity-tag. */
    static PublishOutcome removed() {
        return new PublishOutcome(200, "OK", Map.of("Expires", "0"), "removed");
    }

    static PublishOutcome refuse(int status, String reason) {
        return new PublishOutcome(status, reason, Map.of(), "refused");
    }

    static PublishOutcome refuse(int status, String reason, String header, String value) {
        return new PublishOutcome(status, reason, Map.of(header, value), "refused");
    }
}
