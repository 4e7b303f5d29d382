package org.seed.sip.common.event;

import java.util.Optional;

/** Which resources a package serves: a SUBSCRIBE to anything else is answered 404 before authentication. */
@FunctionalInterface
public interface ResourceNames {

    /** The resource that {@code requestUri} names, or empty if this notifier serves none by that name. */
    Optional<Resource> resolve(String requestUri);
}
