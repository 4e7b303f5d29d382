package org.seed.sip.common.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One subscription at the notifier (RFC 6665 §4.2): its state, and its NOTIFYs waiting to leave.
 * <pre>
 *            SUBSCRIBE accepted: 200, NOTIFY active (full), or pending (no body) while it waits for authorization
 *   (none) --------------------------------------------> ACTIVE ---+ state change: NOTIFY active (partial)
 *      |                                                  | |  ^   | refresh: NOTIFY active (full)
 *      | fetch (Expires: 0)                               | |  +---+
 *      v                                                  | |
 *   TERMINATING <- expiry, Expires: 0: NOTIFY terminated;reason=timeout
 *      |        <- resource gone:      NOTIFY terminated;reason=noresource (or another reason)
 *      | final NOTIFY answered                              |
 *      v                                                    | a NOTIFY answered 481, 408 or another error,
 *   TERMINATED <--------------------------------------------+ never answered, or its dialog gone: no more NOTIFYs
 * </pre>
 * NOTIFYs leave one at a time in the order they were queued, the next once the previous has been answered
 * (RFC 6665 §4.2.2 ends a subscription on a failed NOTIFY, so a NOTIFY may only follow a delivered one).
 * Each carries the next body version and the next CSeq of the dialog (RFC 3261 §12.2.1.1). A pending
 * subscription (RFC 6665 §4.1.3) is an active one whose NOTIFYs say {@code pending} and carry no state, until
 * it is {@linkplain #authorize authorized}.
 * <p>
 * Thread-safe: SIP threads (SUBSCRIBE, NOTIFY answers) and the notifier's thread (changes, expiry) reach the
 * same subscription; whatever reads or changes it holds its lock, sends included.
 */
final class Subscription {

    /** RFC 3261 Timer F (64 x T1): a NOTIFY unanswered for longer than this will not be answered. */
    static final Duration NOTIFY_TRANSACTION = Duration.ofSeconds(32);
    /** Past this a NOTIFY counts as lost; the container's own timeout answer (408) normally comes first. */
    static final Duration UNANSWERED_LIMIT = NOTIFY_TRANSACTION.plusSeconds(8);
    /** How long a NOTIFY the container cannot send yet (still starting) is retried before giving up. */
    static final Duration RETRY_WINDOW = Duration.ofSeconds(32);

    enum State { ACTIVE, TERMINATING, TERMINATED }

    /** What the notifier does for its subscriptions: keep them in the store, forget ended ones. */
    interface Host {
        void save(SubscriptionRecord record);

        void ended(Subscription subscription, String why);
    }

    private record Queued(TerminationReason reason, NotifyBody body) {
    }

    private final String contentType;
    private final NotifySender sender;
    private final Host host;
    private final Clock clock;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private SubscriptionRecord record;
    private State state = State.ACTIVE;
    /** When the NOTIFY awaiting its answer was sent; null when none is. */
    private Instant inFlightSince;
    /** When the container first could not send the head of the queue; null when it could. */
    private Instant blockedSince;
    /** The reason of the final NOTIFY once one is queued. */
    private TerminationReason terminationReason;

    Subscription(SubscriptionRecord record, String contentType, NotifySender sender, Host host, Clock clock) {
        this.record = record;
        this.contentType = contentType;
        this.sender = sender;
        this.host = host;
        this.clock = clock;
    }

    synchronized SubscriptionRecord record() {
        return record;
    }

    synchronized State state() {
        return state;
    }

    synchronized TerminationReason terminationReason() {
        return terminationReason;
    }

    /** Starts the subscription as {@link #activate}, having run {@code publish} (which makes it reachable). */
    synchronized void start(Instant expiresAt, NotifyBody fullState, Runnable publish) {
        publish.run();
        activate(expiresAt, fullState);
    }

    /**
     * (Re)starts the subscription until {@code expiresAt} and queues the full state (RFC 6665 §4.2.1.1 and
     * §4.2.1.2: the first NOTIFY and the one after every refresh carry it).
     *
     * @return false if the subscription is ending or has ended
     */
    synchronized boolean activate(Instant expiresAt, NotifyBody fullState) {
        if (state != State.ACTIVE) {
            return false;
        }
        record = record.expiringAt(expiresAt);
        sender.keepUntil(record, expiresAt);
        long cseqBefore = record.localCseq();
        queue(null, fullState);
        if (record.localCseq() == cseqBefore) {
            // the NOTIFY waits (one in flight, or the container not ready): store the new expiry now; a NOTIFY
            // sent at once stored it already, with its CSeq and version (one write per SUBSCRIBE, not two)
            host.save(record);
        }
        return true;
    }

    /**
     * Queues a NOTIFY of a change while active; false if the subscription is ending or has ended. A pending
     * subscription is shown no state, so no change either.
     */
    synchronized boolean report(NotifyBody document) {
        if (state != State.ACTIVE) {
            return false;
        }
        if (!record.pending()) {
            queue(null, document);
        }
        return true;
    }

    /**
     * Makes the subscription pending or active as its authorization now says; a change is told at once with
     * {@code fullState} (which a pending subscription is not shown).
     *
     * @return whether it changed
     */
    synchronized boolean authorize(boolean pending, NotifyBody fullState) {
        if (state != State.ACTIVE || record.pending() == pending) {
            return false;
        }
        record = record.withPending(pending);
        long cseqBefore = record.localCseq();
        queue(null, fullState);
        if (record.localCseq() == cseqBefore) {
            host.save(record);
        }
        return true;
    }

    /** Queues the final NOTIFY (RFC 6665 §4.2.2); false if the subscription was ending already. */
    synchronized boolean terminate(TerminationReason reason, NotifyBody finalState) {
        if (state != State.ACTIVE) {
            return false;
        }
        state = State.TERMINATING;
        terminationReason = reason;
        // the container may drop the dialog once the final NOTIFY has been answered or has timed out
        sender.keepUntil(record, clock.instant().plus(NOTIFY_TRANSACTION));
        queue(reason, finalState);
        return true;
    }

    /** The answer to the NOTIFY in flight. */
    synchronized void answered(int status) {
        if (inFlightSince == null || state == State.TERMINATED) {
            return;
        }
        inFlightSince = null;
        if (status >= 300) {
            // RFC 6665 §4.2.2: 481 says the subscription is gone; 408 or any other error, that NOTIFYs cannot reach it
            end("NOTIFY answered " + status);
        } else if (state == State.TERMINATING && queue.isEmpty()) {
            end(null);
        } else {
            sendNext();
        }
    }

    /** Ends the subscription if due, gives up on a NOTIFY never answered, retries one the container held back. */
    synchronized void tick(NotifyBody fullState) {
        Instant now = clock.instant();
        if (state == State.ACTIVE && !now.isBefore(record.expiresAt())) {
            terminate(TerminationReason.TIMEOUT, fullState);
        }
        if (inFlightSince != null && now.isAfter(inFlightSince.plus(UNANSWERED_LIMIT))) {
            inFlightSince = null;
            end("NOTIFY never answered");
        } else if (blockedSince != null) {
            sendNext();
        }
    }

    private void queue(TerminationReason reason, NotifyBody body) {
        queue.add(new Queued(reason, body));
        sendNext();
    }

    private void sendNext() {
        if (inFlightSince != null || queue.isEmpty() || state == State.TERMINATED) {
            return;
        }
        Queued next = queue.peek();
        Instant now = clock.instant();
        long cseq = record.localCseq() + 1;
        Notify notify = notify(next, now, cseq);
        // written ahead: a platform stopped right after the send goes on above this CSeq, not with it again
        // (the subscriber would take a second NOTIFY of that CSeq for a retransmission, RFC 3261 §17.2.3)
        SubscriptionRecord after = record.sent(notify.hasBody() ? record.nextVersion() + 1 : record.nextVersion(),
                cseq);
        host.save(after);
        switch (sender.send(record, notify)) {
            case SENT -> {
                sent(after);
                inFlightSince = now;
            }
            case SENT_UNTRACKED -> {
                sent(after);
                if (state == State.TERMINATING && queue.isEmpty()) {
                    end(null);
                } else {
                    sendNext();
                }
            }
            case DIALOG_GONE -> end("dialog gone");
            case NOT_NOW -> {
                if (blockedSince == null) {
                    blockedSince = now;
                } else if (now.isAfter(blockedSince.plus(RETRY_WINDOW))) {
                    end("NOTIFY could not be sent for " + RETRY_WINDOW.toSeconds() + " s");
                }
            }
        }
    }

    /**
     * RFC 6665 §4.1.3: a pending subscription, or one whose authorization was withdrawn, is told its state
     * and nothing of the resource's.
     */
    private Notify notify(Queued next, Instant now, long cseq) {
        long remaining = Duration.between(now, record.expiresAt()).toSeconds();
        String subscriptionState = next.reason() != null ? SubscriptionState.terminated(next.reason())
                : record.pending() ? SubscriptionState.pending(remaining)
                : SubscriptionState.active(remaining);
        if (record.pending() || next.reason() == TerminationReason.REJECTED) {
            return new Notify(subscriptionState, null, null, cseq);
        }
        return new Notify(subscriptionState, contentType, next.body().write(record.nextVersion(), record), cseq);
    }

    /** The NOTIFY went out: the subscription is as it was written ahead (a NOTIFY without a body used no version). */
    private void sent(SubscriptionRecord after) {
        queue.poll();
        blockedSince = null;
        record = after;
    }

    /** @param why null for the regular end, after the final NOTIFY; otherwise why no more NOTIFYs can go out */
    private void end(String why) {
        state = State.TERMINATED;
        queue.clear();
        blockedSince = null;
        sender.release(record);
        host.ended(this, why);
    }
}
