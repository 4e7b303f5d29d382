package org.seed.sip.store.im;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An instant message (RFC 3428) kept for a recipient who could not take it, as it arrived.
 *
 * @param id          its place in the recipient's queue (ascending is arrival order); 0 before it is stored
 * @param recipient   the recipient's normalised AOR ({@code sip:user@domain})
 * @param from        the sender's From, without tag: the phone shows who wrote
 * @param to          the To, without tag
 * @param contentType the Content-Type as received, or null for a MESSAGE without body
 * @param body        the body's bytes, unchanged (empty when none)
 * @param receivedAt  when the platform accepted it (the Date of the delivered copy)
 * @param expiresAt   when it is dropped undelivered ({@code im.offline.ttl} after its arrival)
 */
public record OfflineMessage(long id, String recipient, String from, String to, String contentType, byte[] body,
        Instant receivedAt, Instant expiresAt) {

    public OfflineMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OfflineMessage that && id == that.id && recipient.equals(that.recipient)
                && from.equals(that.from) && to.equals(that.to) && Objects.equals(contentType, that.contentType)
                && Arrays.equals(body, that.body) && receivedAt.equals(that.receivedAt)
                && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, recipient, from, to, contentType, Arrays.hashCode(body), receivedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "OfflineMessage[" + id + " to " + recipient + " from " + from + ", " + contentType + ", " + body.length
                + " bytes, received " + receivedAt + "]";
    }
}
