package org.seed.sip.registrar.regevent;

/**
 * The dialog of one subscription, as the container keeps it. The notifier calls it with the subscription's
 * lock held, so calls for one subscription never overlap.
 */
public interface NotifyChannel {

    /**
     * Sends {@code notify} in the dialog. After a final one ({@link Notify#isFinal()}) the channel releases
     * the dialog by itself once the NOTIFY is answered.
     *
     * @return false when the dialog is gone (the subscription then ends)
     */
    boolean send(Notify notify);

    /** Keeps the dialog at least {@code seconds} more: the subscription's remaining duration. */
    void keepFor(long seconds);

    /** Releases the dialog now: the subscription ended without a final NOTIFY. */
    void close();
}
