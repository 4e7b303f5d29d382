package org.seed.sip.common.edge;

import java.util.List;
import java.util.Locale;

/**
 * What the edge needs to know of a request that no application took. {@code port} is -1 when the
 * Request-URI has none; {@code user} is null when it has no user part (the request is for the platform).
 */
public record UnroutedRequest(String method, String scheme, String host, int port, String user,
        boolean toTagged, String event, List<String> require, String contentType) {

    public UnroutedRequest {
        method = method.toUpperCase(Locale.ROOT);
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        require = List.copyOf(require);
    }

    /** An out-of-dialog request without Event, Require or body. */
    public static UnroutedRequest of(String method, String scheme, String host, int port, String user) {
        return new UnroutedRequest(method, scheme, host, port, user, false, null, List.of(), null);
    }

    /** The same request with a To tag: it claims to be inside a dialog. */
    public UnroutedRequest inDialog() {
        return new UnroutedRequest(method, scheme, host, port, user, true, event, require, contentType);
    }

    /** The same request with an Event header naming {@code eventPackage} (its parameters left off). */
    public UnroutedRequest withEvent(String eventPackage) {
        return new UnroutedRequest(method, scheme, host, port, user, toTagged, eventPackage, require, contentType);
    }

    public UnroutedRequest withRequire(List<String> optionTags) {
        return new UnroutedRequest(method, scheme, host, port, user, toTagged, event, optionTags, contentType);
    }

    /** The same request with a body of {@code mediaType} (type/subtype, parameters left off). */
    public UnroutedRequest withBody(String mediaType) {
        return new UnroutedRequest(method, scheme, host, port, user, toTagged, event, require, mediaType);
    }

    boolean isForThePlatform() {
        return user == null || user.isEmpty();
    }
}
