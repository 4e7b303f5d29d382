package org.seed.sip.registrar.regevent;

import java.util.Objects;

import org.seed.sip.registrar.regevent.reginfo.Reginfo;

/**
 * One NOTIFY of a reg event subscription, before the container makes it a request.
 *
 * @param subscriptionState the Subscription-State header value (RFC 6665 §8.2.3)
 * @param body              the reginfo document, of type {@link Reginfo#CONTENT_TYPE}
 */
public record Notify(String subscriptionState, byte[] body) {

    public Notify {
        Objects.requireNonNull(subscriptionState, "subscriptionState");
        Objects.requireNonNull(body, "body");
    }

    public boolean isFinal() {
        return subscriptionState.startsWith("terminated");
    }
}
