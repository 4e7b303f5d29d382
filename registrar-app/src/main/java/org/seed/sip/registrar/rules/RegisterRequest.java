package org.seed.sip.registrar.rules;

import java.util.List;
import java.util.Objects;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * A REGISTER reduced to what RFC 3261 §10.3 decides on, free of any container type.
 *
 * @param aor           the To header's address-of-record
 * @param callId        Call-ID
 * @param cseq          CSeq number
 * @param expiresHeader the Expires header, or null when absent
 * @param wildcard      true for {@code Contact: *}
 * @param contacts      the other Contacts (empty for a query)
 * @param path          Path header values in order (RFC 3327), empty when none
 * @param supportsPath  true when Supported lists "path": the 200 OK then echoes the Path (RFC 3327 §5.3)
 * @param source        where the request came from
 * @param userAgent     User-Agent header, or null
 */
public record RegisterRequest(
        AddressOfRecord aor,
        String callId,
        long cseq,
        Integer expiresHeader,
        boolean wildcard,
        List<RequestedContact> contacts,
        List<String> path,
        boolean supportsPath,
        SourceAddress source,
        String userAgent) {

    public RegisterRequest {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(callId, "callId");
        contacts = List.copyOf(contacts);
        path = List.copyOf(path);
        Objects.requireNonNull(source, "source");
    }

    /** A REGISTER without Contact only asks for the current bindings (§10.3 step 8). */
    public boolean isQuery() {
        return !wildcard && contacts.isEmpty();
    }
}
