package org.seed.sip.common.sip;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sip.address.SipURI;

/**
 * RFC 3261 §19.1.4 equality of two SIP or SIPS URIs written as text: scheme and host compare
 * case-insensitively, the user part case-sensitively, escaped characters as the characters they stand for,
 * parameters in any order; {@code user}, {@code ttl}, {@code method}, {@code maddr} and {@code transport}
 * must match when either URI has them, other parameters only when both have them; every header must be in
 * both and match; an absent port is not the same as 5060. The rules are JAIN-SIP's {@code SipUri.equals},
 * which implements that section. Not transitive, as the RFC warns: {@code ;newparam=5} and
 * {@code ;security=on} each equal the URI without parameters, not each other.
 *
 * <p>Text that JAIN-SIP cannot parse as a SIP URI (another scheme, a syntax error) is equal only to the
 * same text: §19.1.4 defines no equality for it.
 */
public final class SipUriEquality {

    private SipUriEquality() {
    }

    /** Whether {@code a} and {@code b} name the same SIP resource by RFC 3261 §19.1.4. */
    public static boolean equivalent(String a, String b) {
        return equivalentTo(a).test(b);
    }

    /**
     * The test "names the same SIP resource as {@code a}" (RFC 3261 §19.1.4), with {@code a} parsed once: for
     * comparing one URI with many (a requested contact with an AOR's stored bindings).
     */
    public static Predicate<String> equivalentTo(String a) {
        Optional<SipURI> first = SipUris.parse(a);
        // JAIN-SIP 1.3.0-91 keeps a parsed ttl as text but casts it to Integer in equals (ClassCastException
        // for any URI with a ttl): compared here, as §19.1.4 says (it must match when either URI has it), and
        // taken out of what JAIN-SIP compares
        String firstTtl = first.map(SipUriEquality::removeTtl).orElse(null);
        return b -> {
            if (a.equals(b)) {
                return true;
            }
            Optional<SipURI> second = first.isEmpty() ? Optional.empty() : SipUris.parse(b);
            return second.isPresent() && Objects.equals(firstTtl, removeTtl(second.get()))
                    && first.get().equals(second.get());
        };
    }

    /** Removes the ttl parameter of {@code uri}, a URI of our own parsing; returns its value, or null. */
    private static String removeTtl(SipURI uri) {
        String ttl = uri.getParameter("ttl");
        uri.removeParameter("ttl");
        return ttl;
    }
}
