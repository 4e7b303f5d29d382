package org.seed.sip.common.edge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.PlatformCapabilities;

/**
 * How the platform answers a request that no application took, as a user agent server that serves nothing
 * else (RFC 3261 §8.2), in the order of that section: method, then Request-URI, then Require, then body,
 * then what the method itself asks. It never forwards: a request for a host that is not the platform's
 * is refused, so the platform cannot be used as a relay.
 */
public final class UnroutedRequestRules {

    private static final Set<String> SIP_SCHEMES = Set.of("sip", "sips");
    /** Methods the edge answers itself: OPTIONS for the platform, SUBSCRIBE for a package nothing serves. */
    private static final Set<String> ANSWERED_HERE = Set.of("OPTIONS", "SUBSCRIBE");

    private final Set<String> ownHosts;
    private final Set<Integer> ownPorts;
    private final PlatformCapabilities capabilities;
    private final UserDirectory users;

    /**
     * @param ownHosts the platform's domains and the addresses it listens on
     * @param ownPorts the ports it listens on; a Request-URI with another port names another server
     */
    public UnroutedRequestRules(Set<String> ownHosts, Set<Integer> ownPorts, PlatformCapabilities capabilities,
            UserDirectory users) {
        this.ownHosts = ownHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.ownPorts = Set.copyOf(ownPorts);
        this.capabilities = capabilities;
        this.users = users;
    }

    /** The final answer to send, or empty for an ACK, which is never answered (RFC 3261 §17.2.1). */
    public Optional<EdgeAnswer> answer(UnroutedRequest request) {
        if ("ACK".equals(request.method())) {
            return Optional.empty();
        }
        return Optional.of(decide(request));
    }

    private EdgeAnswer decide(UnroutedRequest request) {
        String method = request.method();
        if (!SipMethods.KNOWN.contains(method)) {
            // RFC 3261 §8.2.1: an unknown method gets 501 with the methods the platform does serve
            return withAllow(EdgeAnswer.of(501, "Not Implemented"));
        }
        if (request.toTagged() || SipMethods.DIALOG_ONLY.contains(method)) {
            // RFC 3261 §12.2.2: a request of a dialog the platform does not have
            return EdgeAnswer.of(481, "Call/Transaction Does Not Exist");
        }
        if (!ANSWERED_HERE.contains(method) && !capabilities.methods().contains(method)) {
            // RFC 3261 §8.2.1: a method no deployed application serves
            return withAllow(EdgeAnswer.of(405, "Method Not Allowed"));
        }
        if (!SIP_SCHEMES.contains(request.scheme())) {
            return EdgeAnswer.of(416, "Unsupported URI Scheme");
        }
        if (!isOwn(request)) {
            // not the platform's domain: answering here instead of forwarding is what keeps it from relaying
            return EdgeAnswer.of(403, "Domain Not Served");
        }
        UserDirectory.Reachability reachability = request.isForThePlatform() ? null
                : users.lookup(new AddressOfRecord(request.user(), request.host()));
        if (reachability == UserDirectory.Reachability.UNKNOWN) {
            return EdgeAnswer.of(404, "Not Found");
        }
        List<String> unsupported = request.require().stream()
                .filter(tag -> !capabilities.extensions().contains(tag.toLowerCase(Locale.ROOT))).toList();
        if (!unsupported.isEmpty()) {
            // RFC 3261 §8.2.2.3
            return EdgeAnswer.of(420, "Bad Extension").with("Unsupported", String.join(", ", unsupported));
        }
        if (request.contentType() != null
                && !capabilities.acceptedBodies().contains(request.contentType().toLowerCase(Locale.ROOT))) {
            // RFC 3261 §8.2.3
            return EdgeAnswer.of(415, "Unsupported Media Type").with("Accept", header(capabilities.acceptedBodies()));
        }
        return switch (method) {
            case "OPTIONS" -> options(reachability);
            // RFC 6665 §4.2.1.1: the package reached no application, so nothing here serves it
            case "SUBSCRIBE" -> request.event() == null
                    ? EdgeAnswer.of(400, "Missing Event Header")
                    : EdgeAnswer.of(489, "Bad Event").withAny("Allow-Events", capabilities.eventPackages());
            default -> EdgeAnswer.of(404, "Not Found");
        };
    }

    /**
     * RFC 3261 §11.2: OPTIONS to the platform lists what it serves. To a user, until a B2BUA forwards it to
     * the user's phones, the location service answers: 480 without a binding, 200 for the user with one.
     */
    private EdgeAnswer options(UserDirectory.Reachability reachability) {
        if (reachability == UserDirectory.Reachability.NOT_REGISTERED) {
            return EdgeAnswer.of(480, "Temporarily Unavailable");
        }
        return withAllow(EdgeAnswer.of(200, "OK"))
                .with("Accept", header(capabilities.acceptedBodies()))
                .withAny("Supported", capabilities.extensions())
                .withAny("Allow-Events", capabilities.eventPackages());
    }

    private boolean isOwn(UnroutedRequest request) {
        return ownHosts.contains(request.host()) && (request.port() < 0 || ownPorts.contains(request.port()));
    }

    private EdgeAnswer withAllow(EdgeAnswer answer) {
        return answer.with("Allow", header(capabilities.methods()));
    }

    private static String header(List<String> values) {
        return PlatformCapabilities.headerValue(values);
    }
}
