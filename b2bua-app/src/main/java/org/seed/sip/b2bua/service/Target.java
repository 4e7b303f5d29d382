package org.seed.sip.b2bua.service;

import org.seed.sip.common.reach.Reach;

/**
 * A contact a call leg goes to, with its preference and how it is reached.
 *
 * @param uri   the Request-URI of the leg
 * @param q     the preference among the callee's contacts (RFC 3261 §20.10), 1.0 when none was given
 * @param reach where the leg's requests are sent (Path, flow, NAT source or the contact itself)
 */
public record Target(String uri, float q, Reach reach) {
}
