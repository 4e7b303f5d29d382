package org.seed.sip.b2bua.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.SipUriEquality;
import org.seed.sip.store.preferences.CallPreferences;

/**
 * What a callee's preferences make of a call (the console's {@code /api/accounts/{user}/preferences}), in the
 * order a caller meets them: a blocked caller is declined; forward-always sends every call elsewhere;
 * do-not-disturb is busy (or forward-on-busy); a callee with no phone registered is unavailable (or
 * forward-when-offline, or only its also-ring targets); otherwise the phones ring, forward-on-busy and
 * forward-on-no-answer waiting for their turn.
 */
public final class Forwarding {

    /** What happens before any phone rings. */
    public sealed interface Decision {
    }

    /** RFC 3261 §21.6.2: the callee refuses this caller (blocklist). */
    public record Decline() implements Decision {
    }

    /** Do-not-disturb, with nowhere to forward to. */
    public record Busy() implements Decision {
    }

    /** No phone registered and nowhere to forward to. */
    public record Unavailable() implements Decision {
    }

    /** The call goes to {@code target} instead of the callee's phones. */
    public record ForwardTo(String target) implements Decision {
    }

    /** The callee's phones ring, and its also-ring targets with them. */
    public record RingPhones(List<String> alsoRing) implements Decision {
    }

    private Forwarding() {
    }

    /**
     * @param caller     the caller's URI (its From)
     * @param registered whether the callee has a phone registered
     */
    public static Decision decide(CallPreferences preferences, String caller, boolean registered) {
        if (blocks(preferences.blocked(), caller)) {
            return new Decline();
        }
        if (preferences.forwardAlways() != null) {
            return new ForwardTo(preferences.forwardAlways());
        }
        if (preferences.doNotDisturb()) {
            return preferences.forwardBusy() != null ? new ForwardTo(preferences.forwardBusy()) : new Busy();
        }
        if (!registered) {
            if (preferences.forwardOffline() != null) {
                return new ForwardTo(preferences.forwardOffline());
            }
            return preferences.alsoRing().isEmpty() ? new Unavailable() : new RingPhones(preferences.alsoRing());
        }
        return new RingPhones(preferences.alsoRing());
    }

    /** Where a call goes when every phone was busy (486), if the callee said. */
    public static Optional<String> onBusy(CallPreferences preferences) {
        return Optional.ofNullable(preferences.forwardBusy());
    }

    /** Where a call goes when no phone answered within the callee's no-answer time, if the callee said. */
    public static Optional<String> onNoAnswer(CallPreferences preferences) {
        return Optional.ofNullable(preferences.forwardNoAnswer());
    }

    /**
     * Whether {@code caller} is on the blocklist: a SIP URI equal to it (RFC 3261 §19.1.4), or
     * {@code *@domain} for every caller of that domain.
     */
    public static boolean blocks(List<String> blocked, String caller) {
        Optional<String> callerDomain = domainOf(caller);
        for (String entry : blocked) {
            if (entry.startsWith("*@")) {
                String domain = entry.substring(2).toLowerCase(Locale.ROOT);
                if (callerDomain.filter(domain::equals).isPresent()) {
                    return true;
                }
            } else if (sameAddress(entry, caller)) {
                return true;
            }
        }
        return false;
    }

    /** A blocklist entry names the caller's address, whatever parameters either carries. */
    private static boolean sameAddress(String entry, String caller) {
        if (SipUriEquality.equivalent(entry, caller)) {
            return true;
        }
        try {
            return AddressOfRecord.parse(entry).equals(AddressOfRecord.parse(caller));
        } catch (IllegalArgumentException notAnAor) {
            return false;
        }
    }

    private static Optional<String> domainOf(String uri) {
        try {
            return Optional.of(AddressOfRecord.parse(uri).domain());
        } catch (IllegalArgumentException noUser) {
            return Optional.empty();
        }
    }
}
