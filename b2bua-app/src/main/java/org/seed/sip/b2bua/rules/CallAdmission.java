package org.seed.sip.b2bua.rules;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * Who may place a call through the platform, decided from the domains of the caller (From) and of the
 * callee (Request-URI) before anything is looked up. The platform is no open relay: a call neither from nor
 * to one of its domains is refused, and a caller who claims one of its domains proves it (RFC 3261 §22.3).
 */
public final class CallAdmission {

    /** What an INVITE outside a dialog needs before it is routed. */
    public enum Verdict {
        /** The caller claims one of our domains: digest credentials of that user first (407). */
        AUTHENTICATE_CALLER,
        /** A foreign caller to one of our users: routed as it is, as any SIP domain receives calls. */
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
    public CallAdmission(Set<String> domains, Set<Integer> ports) {
        this.domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.ports = Set.copyOf(ports);
    }

    /**
     * @param calleePort the Request-URI's port, or -1 when it names none
     */
    public Verdict admit(String callerDomain, String calleeDomain, int calleePort) {
        if (serves(callerDomain)) {
            return Verdict.AUTHENTICATE_CALLER;
        }
        return serves(calleeDomain, calleePort) ? Verdict.INBOUND : Verdict.REFUSE;
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
     * Whether the credentials are the caller's own: an authenticated user calls in their own name, not in
     * another user's of the domain (the callee would see a forged From).
     */
    public static boolean callsAsItself(AddressOfRecord caller, String username, String realm) {
        return caller.user().equals(username) && caller.domain().equalsIgnoreCase(realm);
    }
}
