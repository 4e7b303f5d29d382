package org.seed.sip.common.presence;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.SipUris;

/**
 * What a presentity's rules grant a watcher (RFC 3856 §5.1: the presence server authorizes every
 * subscription; §6.6: a pending one waits for the presentity's decision). In order:
 * <ol>
 * <li>a presentity may always watch itself (its own phones show its state);</li>
 * <li>the most specific entry naming the watcher: its URI beats {@code *@domain}; see {@link PresentityPolicy}
 *     for entries of equal specificity in several lists;</li>
 * <li>no entry: the presentity's own default, if it set one;</li>
 * <li>else the platform's ({@link DefaultRule}), by whether the watcher is of one of our domains.</li>
 * </ol>
 */
public final class WatcherRules {

    private static final String DOMAINS_KEY = "sip.domains";

    private final Set<String> ourDomains;
    private final DefaultRule platformDefault;

    /** {@code ourDomains}: the domains whose users are ours ({@code sip.domains}), in any case. */
    public WatcherRules(Collection<String> ourDomains, DefaultRule platformDefault) {
        this.ourDomains = ourDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.platformDefault = Objects.requireNonNull(platformDefault, "platformDefault");
    }

    /** {@code sip.domains} and {@code presence.default.rule} of {@code settings}. */
    public static WatcherRules from(PlatformSettings settings) {
        return new WatcherRules(settings.list(DOMAINS_KEY), DefaultRule.from(settings));
    }

    public DefaultRule platformDefault() {
        return platformDefault;
    }

    /**
     * {@code rules} of {@code presentity} made ready to decide for many watchers (its entries parsed once):
     * for re-authorizing every watcher after the rules changed.
     *
     * @param rules the presentity's rules; null (or {@link PresenceRules#NONE}) if it set none
     */
    public PresentityPolicy of(AddressOfRecord presentity, PresenceRules rules) {
        return new PresentityPolicy(presentity, rules == null ? PresenceRules.NONE : rules, this::platformGrant);
    }

    /** What {@code rules} of {@code presentity} (null: none set) grant {@code watcher}. */
    public WatcherGrant decide(AddressOfRecord presentity, PresenceRules rules, AddressOfRecord watcher) {
        return of(presentity, rules).grant(watcher);
    }

    private WatcherGrant platformGrant(AddressOfRecord watcher) {
        return platformDefault.of(ourDomains.contains(watcher.domain()));
    }

    /**
     * The AOR a watcher's SIP or SIPS URI names (user unescaped, host lower case, port and parameters
     * dropped), as the rules compare it; empty for a URI of another scheme or without a user part.
     */
    public static Optional<AddressOfRecord> watcherOf(String uri) {
        return SipUris.parse(uri).filter(sip -> sip.getUser() != null).map(RuleEntry::aorOf);
    }
}
