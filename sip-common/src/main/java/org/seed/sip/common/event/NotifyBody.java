package org.seed.sip.common.event;

/** A NOTIFY's body, written when it leaves: for one subscription, with the version it is the next of. */
@FunctionalInterface
interface NotifyBody {

    byte[] write(long version, SubscriptionRecord subscription);
}
