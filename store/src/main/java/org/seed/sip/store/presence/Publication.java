package org.seed.sip.store.presence;

import java.time.Instant;
import java.util.Objects;

/**
 * One publication of a presentity's event state (RFC 3903): its entity-tag, the document as published, until
 * when it lives, and when that state was published (the order of composition, newest first).
 *
 * @param aor the presentity, a normalised AOR such as {@code sip:alice@example.com}
 */
public record Publication(String entityTag, String aor, String contentType, String body, Instant expiresAt,
        Instant updatedAt) {

    public Publication {
        Objects.requireNonNull(entityTag, "entityTag");
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
