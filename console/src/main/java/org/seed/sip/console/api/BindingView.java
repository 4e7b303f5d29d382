package org.seed.sip.console.api;

import java.time.Instant;

import org.seed.sip.store.binding.Binding;

/**
 * A current binding as the API shows it.
 *
 * @param expiresIn seconds left until it expires
 * @param q         its q-value, 1.0 when the Contact gave none
 * @param source    where the REGISTER came from
 * @param path      the REGISTER's Path header values joined with "," (RFC 3327), or null
 * @param instanceId RFC 5626 {@code +sip.instance}, or null
 * @param regId     RFC 5626 {@code reg-id}, or null
 * @param updatedAt when it was last registered, ISO-8601 in UTC
 */
public record BindingView(String aor, String contact, long expiresIn, float q, Source source, String userAgent,
        String path, String instanceId, Integer regId, String updatedAt) {

    /** The address, port and transport a REGISTER came from. */
    public record Source(String address, int port, String transport) {
    }

    public static BindingView of(Binding binding, Instant now) {
        return new BindingView(binding.getAor(), binding.getContactUri(),
                binding.secondsLeftAt(now), binding.effectiveQ(),
                new Source(binding.getSourceAddress(), binding.getSourcePort(), binding.getTransport()),
                binding.getUserAgent(), binding.getPath(), binding.getInstanceId(), binding.getRegId(),
                binding.getUpdatedAt().toString());
    }
}
