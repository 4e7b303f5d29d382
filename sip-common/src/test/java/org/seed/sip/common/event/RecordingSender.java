package org.seed.sip.common.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The container side as the notifier sees it: records NOTIFYs, and can refuse or hold them back. */
final class RecordingSender implements NotifySender {

    record Sent(String subscriptionId, Notify message) {

        String body() {
            return new String(message.body(), StandardCharsets.UTF_8);
        }
    }

    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    final List<Instant> keptUntil = Collections.synchronizedList(new ArrayList<>());
    final Set<String> released = ConcurrentHashMap.newKeySet();
    volatile Result result = Result.SENT;

    @Override
    public Result send(SubscriptionRecord subscription, Notify notify) {
        if (result == Result.SENT || result == Result.SENT_UNTRACKED) {
            sent.add(new Sent(subscription.id(), notify));
        }
        return result;
    }

    @Override
    public void keepUntil(SubscriptionRecord subscription, Instant until) {
        keptUntil.add(until);
    }

    @Override
    public void release(SubscriptionRecord subscription) {
        released.add(subscription.id());
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }
}
