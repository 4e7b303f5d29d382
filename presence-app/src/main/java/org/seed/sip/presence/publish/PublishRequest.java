package org.seed.sip.presence.publish;

import java.util.Objects;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * What a PUBLISH says, read off the container's request.
 *
 * @param presentity  the resource the Request-URI names (RFC 3903 §6 step 1)
 * @param event       the Event header's package, or null without one
 * @param contentType the body's media type without parameters, lower case, or null without a body
 * @param body        the body, empty without one
 * @param ifMatch     the SIP-If-Match entity-tag (RFC 3903 §11.3.2), or null
 * @param expires     the Expires header's seconds, or null without one
 */
public record PublishRequest(AddressOfRecord presentity, String event, String contentType, byte[] body,
        String ifMatch, Integer expires) {

    public PublishRequest {
        Objects.requireNonNull(presentity, "presentity");
        body = body == null ? new byte[0] : body;
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
