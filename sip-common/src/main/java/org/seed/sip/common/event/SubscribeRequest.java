package org.seed.sip.common.event;

import java.util.List;

/**
 * A SUBSCRIBE (initial or refresh) reduced to what RFC 6665 §4.2.1 decides on, free of any container type.
 *
 * @param event         the Event header, or null when absent
 * @param accept        the Accept header values, or null when the request has no Accept header
 * @param expiresHeader the Expires header, or null when absent
 * @param bodyType      the Content-Type of the SUBSCRIBE's body, or null when it has none
 */
public record SubscribeRequest(EventHeader event, List<String> accept, Integer expiresHeader, String bodyType) {

    public SubscribeRequest {
        accept = accept == null ? null : List.copyOf(accept);
    }
}
