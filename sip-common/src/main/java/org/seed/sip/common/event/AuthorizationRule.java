package org.seed.sip.common.event;

import java.util.Optional;

/** Who may watch what (RFC 6665 §4.2.1.3: the notifier authorizes every subscription it accepts). */
@FunctionalInterface
public interface AuthorizationRule {

    /** Why {@code subscriber} may not subscribe to {@code resource} (403, 404...), or empty if it may. */
    Optional<SubscribeDecision.Reject> refusal(Resource resource, Subscriber subscriber);
}
