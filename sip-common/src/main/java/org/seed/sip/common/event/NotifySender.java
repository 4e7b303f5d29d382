package org.seed.sip.common.event;

import java.time.Instant;

/**
 * The container side of the subscriptions' dialogs. The notifier calls it with the subscription's lock held,
 * so calls for one subscription never overlap; the answer to a sent NOTIFY comes back through
 * {@link Notifier#answered(String, int)}.
 */
public interface NotifySender {

    /** What became of a NOTIFY handed to the container. */
    enum Result {
        /** On its way; its answer will follow. */
        SENT,
        /**
         * On its way, but the container will not report its answer (a NOTIFY in a dialog rebuilt from the
         * store): the next may follow at once, and an error answer goes unseen.
         */
        SENT_UNTRACKED,
        /** The dialog is gone for good: the subscription ends without another NOTIFY. */
        DIALOG_GONE,
        /** The container cannot send now (not yet in service, transport refused): try again later. */
        NOT_NOW
    }

    Result send(SubscriptionRecord subscription, Notify notify);

    /** Keeps whatever the container holds for the dialog until at least {@code until}. */
    void keepUntil(SubscriptionRecord subscription, Instant until);

    /** The subscription has ended: release what the container holds for its dialog. */
    void release(SubscriptionRecord subscription);
}
