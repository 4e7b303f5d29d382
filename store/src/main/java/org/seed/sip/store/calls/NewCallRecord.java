package org.seed.sip.store.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * A call as its record is opened, when it starts.
 *
 * @param caller  the caller's address-of-record as {@code AddressOfRecord.toString()} writes it
 *                ({@code sip:user@domain}), so that a user's records are found; a foreign party's URI otherwise
 * @param callee  the called address-of-record, in the same form
 * @param started when the call's INVITE arrived
 * @param node    {@code platform.node.id} of the node carrying the call: the one that closes the record
 *                as interrupted if it stops before the call ends
 */
public record NewCallRecord(String caller, String callee, Instant started, String node) {

    public NewCallRecord {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(node, "node");
    }
}
