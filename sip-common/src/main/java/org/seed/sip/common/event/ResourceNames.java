package org.seed.sip.common.event;

import java.util.Optional;
import java.util.Set;

import org.seed.sip.common.sip.AddressOfRecord;

/** Which resources a package serves: a SUBSCRIBE to anything else is answered 404 before authentication. */
@FunctionalInterface
public interface ResourceNames {

    /** The resource that {@code requestUri} names, or empty if this notifier serves none by that name. */
    Optional<Resource> resolve(String requestUri);

    /**
     * The AORs of {@code domains} (lower case), each its own resource in the realm of its domain: what a
     * user's registrations or presence are watched by. Whether the account exists is left to the
     * authorization, so that only an authenticated subscriber learns it.
     */
    static ResourceNames addressesOfRecordIn(Set<String> domains) {
        Set<String> served = Set.copyOf(domains);
        return requestUri -> {
            try {
                AddressOfRecord aor = AddressOfRecord.parse(requestUri);
                return served.contains(aor.domain()) ? Optional.of(new Resource(aor.toString(), aor.domain()))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }
}
