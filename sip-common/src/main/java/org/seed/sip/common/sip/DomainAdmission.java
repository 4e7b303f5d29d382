package org.seed.sip.common.sip;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.seed.sip.common.config.PlatformSettings;

/**
 * Who may send a request through the platform (a call, an instant message), decided from the domains of the
 * sender (From) and of the target (Request-URI) before anything is looked up. The platform is no open relay:
 * a request neither from nor to one of its domains is refused, and a sender who claims one of its domains
 * proves it (RFC 3261 §22.3). Shared by the B2BUA (INVITE, REFER, OPTIONS) and presence (MESSAGE).
 */
public final class DomainAdmission {

    /** What a request outside a dialog needs before it is routed. */
    public enum Verdict {
        /** The sender claims one of our domains: digest credentials of that user first (407). */
        AUTHENTICATE_SENDER,
        /** A foreign sender to one of our users: routed as it is, as any SIP domain receives requests. */
        INBOUND,
        /** Neither party in our domains: 403, the platform relays nothing for strangers. */
        REFUSE
    }

    private final Set<String> domains;
    private final Set<Integer> ports;

    /**
     * @param domains the platform's domains ({@code sip.domains})
     * @param ports   the ports it listens on: a URI of one of its domains at another port is another server's
     */
    public DomainAdmission(Set<String> domains, Set<Integer> ports) {
        this.domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.ports = Set.copyOf(ports);
    }

    /** The platform's domains ({@code sip.domains}) on the ports it listens on (UDP, TCP, TLS). */
    public static DomainAdmission from(PlatformSettings settings) {
        // UDP and TCP share a port by default: a set of the distinct ones
        return new DomainAdmission(Set.copyOf(settings.list("sip.domains")), Set.copyOf(List.of(
                settings.integer("sip.udp.port"), settings.integer("sip.tcp.port"), settings.integer("sip.tls.port"))));
    }

    /**
     * @param targetPort the Request-URI's port, or -1 when it names none
     */
    public Verdict admit(String senderDomain, String targetDomain, int targetPort) {
        if (serves(senderDomain)) {
            return Verdict.AUTHENTICATE_SENDER;
        }
        return serves(targetDomain, targetPort) ? Verdict.INBOUND : Verdict.REFUSE;
    }

    /** Whether a From names one of our domains. */
    public boolean serves(String domain) {
        return domain != null && domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** Whether a Request-URI's host and port are this platform's, not another server's. */
    public boolean serves(String host, int port) {
        return serves(host) && (port < 0 || ports.contains(port));
    }

    /**
     * Whether the credentials are the sender's own: an authenticated user calls or writes in their own name,
     * not in another user's of the domain (the callee would see a forged From).
     */
    public static boolean sendsAsItself(AddressOfRecord sender, String username, String realm) {
        return sender.user().equals(username) && sender.domain().equalsIgnoreCase(realm);
    }
}
