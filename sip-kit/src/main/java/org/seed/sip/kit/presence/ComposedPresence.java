package org.seed.sip.kit.presence;

import java.util.Objects;

/**
 * A presentity's presence as its watchers see it: one PIDF document (RFC 3863) composed of its live
 * publications and its registration state, and the one word an operator reads from it.
 *
 * @param entity the presentity, {@code pres:} or {@code sip:} URI as the document's {@code entity} names it
 * @param pidf   the document, UTF-8 XML
 * @param basic  {@code open} or {@code closed}: open when any tuple of the document is open
 */
public record ComposedPresence(String entity, byte[] pidf, String basic) {

    public ComposedPresence {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(pidf, "pidf");
        Objects.requireNonNull(basic, "basic");
    }
}
