package org.seed.sip.registrar.regevent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * One reg event subscription (RFC 6665 §4.2): its dialog, its end and the version of its next NOTIFY.
 * <pre>
 *            SUBSCRIBE 200 + NOTIFY (full, version 0)
 *   (none) ------------------------------------------> active --- changes: NOTIFY (partial, version n) --+
 *                                                        |  ^                                           |
 *                                                        |  +-------------------------------------------+
 *          expiry, refresh with Expires 0:               |  refresh: NOTIFY (full)
 *          NOTIFY terminated (full)                      v
 *          NOTIFY answered with an error: nothing      ended
 * </pre>
 * Whatever reads or changes its state holds the subscription's lock: SIP threads (SUBSCRIBE, NOTIFY
 * answers) and the notifier's thread (registration changes, expiry) reach the same subscription, and its
 * NOTIFYs must leave in version order, each after the state it reports.
 */
final class Subscription {

    private final String id = UUID.randomUUID().toString();
    private final String aor;
    private final NotifyChannel channel;
    private long nextVersion;
    private Instant expiresAt = Instant.MIN;
    private boolean ended;

    Subscription(String aor, NotifyChannel channel) {
        this.aor = aor;
        this.channel = channel;
    }

    String id() {
        return id;
    }

    String aor() {
        return aor;
    }

    /**
     * (Re)starts the subscription for {@code seconds} from {@code now}, runs {@code publish} (which makes it
     * reachable by registration changes) and sends the full state: a change reported after this cannot
     * overtake it, and a change committed before it is in it.
     *
     * @return false if the subscription has ended
     */
    synchronized boolean activate(long seconds, Instant now, Runnable publish, LongFunction<byte[]> fullState) {
        if (ended) {
            return false;
        }
        expiresAt = now.plusSeconds(seconds);
        channel.keepFor(seconds);
        publish.run();
        return sendActive(now, fullState);
    }

    /** Reports a change while active; false if the subscription has ended. */
    synchronized boolean report(Instant now, LongFunction<byte[]> document) {
        return !ended && sendActive(now, document);
    }

    /** Ends with a final NOTIFY (RFC 6665 §8.2.3 {@code reason}); false if it had ended already. */
    synchronized boolean end(String reason, LongFunction<byte[]> finalState) {
        if (ended) {
            return false;
        }
        ended = true;
        // the container may drop the dialog once the final NOTIFY is answered or times out
        channel.keepFor(0);
        send("terminated;reason=" + reason, finalState);
        return true;
    }

    /** Ends without a NOTIFY, the dialog being unusable; false if it had ended already. */
    synchronized boolean abandon() {
        if (ended) {
            return false;
        }
        ended = true;
        channel.close();
        return true;
    }

    synchronized boolean isActive() {
        return !ended;
    }

    synchronized boolean isDueAt(Instant now) {
        return !ended && !now.isBefore(expiresAt);
    }

    private boolean sendActive(Instant now, LongFunction<byte[]> document) {
        long left = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        if (send("active;expires=" + left, document)) {
            return true;
        }
        ended = true;
        return false;
    }

    private boolean send(String subscriptionState, LongFunction<byte[]> document) {
        // RFC 3680 §5.1: each NOTIFY of a subscription carries the next version, from 0
        if (!channel.send(new Notify(subscriptionState, document.apply(nextVersion)))) {
            channel.close();
            return false;
        }
        nextVersion++;
        return true;
    }
}
