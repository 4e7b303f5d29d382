package org.seed.sip.common.event;

import java.util.Objects;

/**
 * What a subscription watches: the resource its SUBSCRIBE's Request-URI names (RFC 6665 §4.1.1), in the
 * form the package keys its state by, and the realm its subscribers authenticate in.
 *
 * @param uri   the resource, e.g. a normalised AOR {@code sip:alice@example.com}
 * @param realm the digest realm of the resource's domain
 */
public record Resource(String uri, String realm) {

    public Resource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(realm, "realm");
    }
}
