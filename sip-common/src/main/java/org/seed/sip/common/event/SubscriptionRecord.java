package org.seed.sip.common.event;

import java.time.Instant;
import java.util.Objects;

import org.seed.sip.common.reach.Origin;

/**
 * One subscription as the store keeps it: enough to send its next NOTIFY after a restart.
 *
 * @param id           the notifier's own id of the subscription
 * @param eventPackage the package name ({@code reg}, {@code presence}...)
 * @param resource     what it watches ({@link Resource#uri()})
 * @param event        the SUBSCRIBE's Event header with its id, repeated in every NOTIFY (RFC 6665 §8.2.1)
 * @param dialog       the dialog the NOTIFYs go in
 * @param subscriber   who subscribed
 * @param source       where the SUBSCRIBE came from: transport, address and port
 * @param expiresAt    when the subscription ends unless refreshed
 * @param nextVersion  the version of its next NOTIFY's body (RFC 3680 §5.1 and its kin: 0 first, one more each)
 * @param localCseq    the CSeq of the last NOTIFY sent, 0 before the first (RFC 3261 §12.2.1.1)
 * @param pending      whether the subscription waits for the resource's owner to authorize it (RFC 6665
 *                     §4.1.3 {@code pending}): its NOTIFYs carry no state until then
 */
public record SubscriptionRecord(String id, String eventPackage, String resource, String event,
        SubscriptionDialog dialog, Subscriber subscriber, Origin source, Instant expiresAt, long nextVersion,
        long localCseq, boolean pending) {

    public SubscriptionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventPackage, "eventPackage");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(dialog, "dialog");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The transport a SUBSCRIBE arrived over and the address it came from. */
    public record Source(String transport, String address, int port) {

        public Source {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(address, "address");
        }

        public Origin origin() {
            return new Origin(address, port, transport);
        }
    }

    SubscriptionRecord expiringAt(Instant instant) {
        return new SubscriptionRecord(id, eventPackage, resource, event, dialog, subscriber, source, instant,
                nextVersion, localCseq, pending);
    }

    /** The same subscription, waiting for authorization or not. */
    public SubscriptionRecord withPending(boolean waiting) {
        return new SubscriptionRecord(id, eventPackage, resource, event, dialog, subscriber, source, expiresAt,
                nextVersion, localCseq, waiting);
    }

    /** After a NOTIFY went out with {@code cseq}, its next one's body having {@code version}. */
    SubscriptionRecord sent(long version, long cseq) {
        return new SubscriptionRecord(id, eventPackage, resource, event, dialog, subscriber, source, expiresAt,
                version, cseq, pending);
    }
}
