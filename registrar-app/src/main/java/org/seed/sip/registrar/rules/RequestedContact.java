package org.seed.sip.registrar.rules;

import java.util.Objects;

/**
 * One Contact of a REGISTER, as the phone wrote it: its URI and the parameters the registrar acts on.
 *
 * @param uri       the contact URI, without the header's parameters
 * @param expires   the {@code expires} parameter, or null when absent
 * @param q         the {@code q} parameter (RFC 3261 §20.10), or null when absent
 * @param instance  the {@code +sip.instance} parameter (RFC 5626), or null
 * @param regId     the {@code reg-id} parameter (RFC 5626), or null
 */
public record RequestedContact(String uri, Integer expires, Float q, String instance, Integer regId) {

    public RequestedContact {
        Objects.requireNonNull(uri, "uri");
    }

    public static RequestedContact of(String uri) {
        return new RequestedContact(uri, null, null, null, null);
    }
}
