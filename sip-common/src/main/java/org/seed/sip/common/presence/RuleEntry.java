package org.seed.sip.common.presence;

import java.util.Locale;
import java.util.Optional;

import javax.sip.address.SipURI;

import gov.nist.javax.sip.address.UriDecoder;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.SipUris;

/**
 * One entry of a presentity's rules: a watcher's address-of-record, or {@code *@domain} for every watcher of
 * that domain. Entries are compared as AORs (RFC 3261 §10.3 step 5, §19.1.4): user part case-sensitive with
 * escaped characters as the characters they stand for, host case-insensitive; {@code sip:} and {@code sips:}
 * name the same user, as they name the same account everywhere on the platform ({@link AddressOfRecord}).
 */
sealed interface RuleEntry {

    String DOMAIN_PREFIX = "*@";

    /** A watcher's address-of-record: the most specific entry. */
    record Watcher(AddressOfRecord aor) implements RuleEntry {
    }

    /** Every watcher whose AOR is in {@code domain} (lower case); not its subdomains. */
    record Domain(String domain) implements RuleEntry {
    }

    /** {@code entry} as the rules match it; empty if it is not one ({@link #problem} says why). */
    static Optional<RuleEntry> parse(String entry) {
        return problem(entry).isPresent() ? Optional.empty() : Optional.of(parsedValid(entry));
    }

    private static RuleEntry parsedValid(String entry) {
        if (entry.startsWith(DOMAIN_PREFIX)) {
            return new Domain(entry.substring(DOMAIN_PREFIX.length()).toLowerCase(Locale.ROOT));
        }
        return new Watcher(aorOf(SipUris.parse(entry).orElseThrow()));
    }

    /** Why {@code entry} is neither a SIP URI of a user nor {@code *@domain}; empty if it is one. */
    static Optional<String> problem(String entry) {
        if (entry.startsWith(DOMAIN_PREFIX)) {
            return SipUris.isHost(entry.substring(DOMAIN_PREFIX.length())) ? Optional.empty()
                    : Optional.of("*@ must be followed by a domain name or address alone, as in *@example.com");
        }
        Optional<SipURI> uri = entry.isBlank() ? Optional.empty() : SipUris.parse(entry);
        if (uri.isEmpty()) {
            return Optional.of("not a SIP URI such as sip:bob@example.com, nor *@domain");
        }
        if (uri.get().getUser() == null) {
            return Optional.of("a watcher's URI needs a user part, as in sip:bob@example.com (*@domain for a whole domain)");
        }
        // an address-of-record (RFC 3261 §10.3): a port, parameters or headers would suggest they matter
        if (uri.get().getPort() >= 0 || uri.get().getParameterNames().hasNext() || uri.get().getHeaderNames().hasNext()
                || uri.get().getUserPassword() != null) {
            return Optional.of("an address-of-record takes no password, port, parameters or headers: sip:user@domain");
        }
        return Optional.empty();
    }

    /** The AOR {@code uri} names: its user unescaped (§19.1.4, with JAIN-SIP's decoder), its host. */
    static AddressOfRecord aorOf(SipURI uri) {
        return new AddressOfRecord(UriDecoder.decode(uri.getUser()), uri.getHost());
    }
}
