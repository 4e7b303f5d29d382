package org.seed.sip.registrar.service;

import java.util.List;
import java.util.Map;

/**
 * The registrar's answer to a REGISTER, ready to be written as a SIP response.
 *
 * @param status   SIP status code
 * @param reason   reason phrase
 * @param headers  extra headers (Min-Expires, Retry-After...)
 * @param bindings for a 200, every current binding of the AOR
 * @param path     for a 200, the Path to echo (RFC 3327 §5.3), empty when none or not supported by the phone
 */
public record RegistrarOutcome(int status, String reason, Map<String, String> headers, List<GrantedBinding> bindings,
        List<String> path) {

    public RegistrarOutcome {
        headers = Map.copyOf(headers);
        bindings = List.copyOf(bindings);
        path = List.copyOf(path);
    }

    public static RegistrarOutcome refuse(int status, String reason) {
        return refuse(status, reason, Map.of());
    }

    public static RegistrarOutcome refuse(int status, String reason, Map<String, String> headers) {
        return new RegistrarOutcome(status, reason, headers, List.of(), List.of());
    }

    /** One Contact of the 200 OK: RFC 3261 §10.3 step 8 lists each with the seconds it has left. */
    public record GrantedBinding(String contactUri, long expiresIn, Float q) {
    }
}
