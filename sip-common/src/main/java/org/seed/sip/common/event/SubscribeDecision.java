package org.seed.sip.common.event;

import java.util.Map;

/** What the notifier does with a SUBSCRIBE: refuse it, or accept it for a number of seconds. */
public sealed interface SubscribeDecision {

    /** Refuse with {@code status}; {@code headers} tell the subscriber what would be accepted. */
    record Reject(int status, String reason, Map<String, String> headers) implements SubscribeDecision {

        public Reject {
            headers = Map.copyOf(headers);
        }

        public static Reject of(int status, String reason) {
            return new Reject(status, reason, Map.of());
        }
    }

    /** Accept: 200 with {@code Expires: expires}; 0 ends the subscription after one NOTIFY (a fetch). */
    record Accept(int expires) implements SubscribeDecision {

        public boolean endsSubscription() {
            return expires == 0;
        }
    }
}
