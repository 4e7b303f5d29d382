package org.seed.sip.console.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/bindings}: the location service's current (unexpired) bindings, and their removal by an
 * operator, as if the phone had unregistered (RFC 3261 §10.2.2).
 */
final class BindingsResource {

    private static final Logger LOG = LoggerFactory.getLogger(BindingsResource.class);

    private final BindingRepository bindings;
    private final Clock clock;

    BindingsResource(BindingRepository bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    Endpoint endpoint() {
        return new Endpoint()
                .on("GET", (request, admin) -> list(request))
                .on("DELETE", this::remove);
    }

    /** Every current binding, or those of {@code ?aor=}. */
    private ApiResponse list(ApiRequest request) {
        Instant now = clock.instant();
        String aor = request.parameter("aor");
        List<Binding> current = aor == null
                ? bindings.all().stream().filter(binding -> !binding.isExpiredAt(now)).toList()
                : bindings.current(normalise(aor), now);
        return ApiResponse.ok(Map.of("bindings", current.stream().map(binding -> BindingView.of(binding, now)).toList()));
    }

    /** {@code ?aor=&contact=} removes one contact, {@code ?aor=} alone every contact of the AOR. */
    private ApiResponse remove(ApiRequest request, AccountId admin) {
        String given = request.parameter("aor");
        if (given == null) {
            throw ApiException.badRequest("aor is required, as in ?aor=sip:user@domain");
        }
        String aor = normalise(given);
        String contact = request.parameter("contact");
        int removed = contact == null ? bindings.removeAll(aor) : bindings.remove(aor, contact);
        if (removed == 0) {
            throw ApiException.notFound(contact == null ? "no binding of " + aor : "no binding of " + aor + " to " + contact);
        }
        LOG.info("console: {} removed {} binding(s) of {}{}", admin, removed, aor, contact == null ? "" : " to " + contact);
        return ApiResponse.noContent();
    }

    /** The AOR as the registrar stores it (RFC 3261 §10.3 step 5: parameters dropped, host in lower case). */
    private static String normalise(String aor) {
        try {
            return AddressOfRecord.parse(aor).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("aor must be a SIP URI such as sip:user@domain (" + e.getMessage() + ")");
        }
    }
}
