package org.seed.sip.store.location;

import java.util.List;

import org.seed.sip.common.reach.Origin;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.reach.Reachability;

/**
 * Where a registered contact can be reached: the contact, the Path to route through (RFC 3327), and the
 * address its REGISTER came from, which is what reaches a phone behind NAT.
 *
 * @param contactUri    the registered contact
 * @param q             preference, 0.0 to 1.0 (1.0 when the phone gave none)
 * @param path          Path URIs in order; empty when none
 * @param received      source address, port and transport of the REGISTER
 * @param instanceId    RFC 5626 {@code +sip.instance}, or null
 * @param regId         RFC 5626 {@code reg-id}, or null
 * @param expiresInSeconds seconds until the binding expires
 */
public record Location(String contactUri, float q, List<String> path, Received received, String instanceId,
        Integer regId, long expiresInSeconds) {

    public Location {
        path = List.copyOf(path);
    }

    /** How a request reaches this contact: Request-URI, destination and route set (see {@link Reachability}). */
    public Reach reach() {
        return Reachability.of(contactUri, path, new Origin(received.address(), received.port(), received.transport()),
                instanceId != null && regId != null);
    }

    /** The transport address a REGISTER arrived from. */
    public record Received(String address, int port, String transport) {
    }
}
