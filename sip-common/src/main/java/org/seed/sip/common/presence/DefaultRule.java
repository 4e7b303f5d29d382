package org.seed.sip.common.presence;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;

/**
 * The platform's default, {@code presence.default.rule}: what a watcher gets from a presentity whose rules
 * name neither the watcher nor its domain and set no default of their own. Written either as one grant for
 * every watcher ({@code pending}) or as a grant for watchers of our domains ({@code sip.domains}) and one
 * for the others: {@code our-domains:allow, other-domains:pending} (the default: colleagues see each
 * other, strangers wait for the presentity to decide).
 *
 * @param ourDomains   the grant of a watcher whose AOR is in one of our domains
 * @param otherDomains the grant of every other watcher
 */
public record DefaultRule(WatcherGrant ourDomains, WatcherGrant otherDomains) {

    public static final String KEY = "presence.default.rule";
    /** The default, shipped in {@code conf/platform.properties}: our domains allowed, others pending. */
    public static final DefaultRule OUR_DOMAINS_ALLOWED = new DefaultRule(WatcherGrant.ALLOW, WatcherGrant.PENDING);

    private static final String OUR_DOMAINS = "our-domains";
    private static final String OTHER_DOMAINS = "other-domains";

    public DefaultRule {
        Objects.requireNonNull(ourDomains, OUR_DOMAINS);
        Objects.requireNonNull(otherDomains, OTHER_DOMAINS);
    }

    /** {@value #KEY} of {@code settings}. @throws ConfigurationException naming the key, the value and the syntax */
    public static DefaultRule from(PlatformSettings settings) {
        String value = settings.string(KEY);
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(KEY + " '" + value + "': " + e.getMessage());
        }
    }

    /**
     * {@code grant} or {@code our-domains:grant, other-domains:grant} (either order), each grant one of
     * {@code allow, pending, block, polite-block}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static DefaultRule parse(String text) {
        String value = text.strip();
        if (!value.contains(":")) {
            WatcherGrant everyone = grant(value);
            return new DefaultRule(everyone, everyone);
        }
        Map<Part, WatcherGrant> parts = new EnumMap<>(Part.class);
        for (String item : value.split(",", -1)) {
            int colon = item.indexOf(':');
            Part part = Part.named(colon < 0 ? item.strip() : item.substring(0, colon).strip());
            if (colon < 0 || parts.put(part, grant(item.substring(colon + 1).strip())) != null) {
                throw syntax();
            }
        }
        if (parts.size() != Part.values().length) {
            throw syntax();
        }
        return new DefaultRule(parts.get(Part.OURS), parts.get(Part.OTHERS));
    }

    private enum Part {
        OURS(OUR_DOMAINS), OTHERS(OTHER_DOMAINS);

        private final String label;

        Part(String label) {
            this.label = label;
        }

        static Part named(String label) {
            for (Part part : values()) {
                if (part.label.equals(label.toLowerCase(Locale.ROOT))) {
                    return part;
                }
            }
            throw syntax();
        }
    }

    private static WatcherGrant grant(String token) {
        Optional<WatcherGrant> grant = WatcherGrant.fromToken(token.toLowerCase(Locale.ROOT));
        return grant.orElseThrow(() -> new IllegalArgumentException("'" + token + "' is not a grant; "
                + "write one of " + WatcherGrant.tokens() + ", or " + OUR_DOMAINS + ":<grant>, " + OTHER_DOMAINS + ":<grant>"));
    }

    private static IllegalArgumentException syntax() {
        return new IllegalArgumentException("write one grant (" + WatcherGrant.tokens() + ") for every watcher, or "
                + OUR_DOMAINS + ":<grant>, " + OTHER_DOMAINS + ":<grant> with both parts once");
    }

    /** The grant of a watcher in one of our domains ({@code ours}) or of another. */
    public WatcherGrant of(boolean ours) {
        return ours ? ourDomains : otherDomains;
    }

    /** As {@link #parse} reads it: {@code our-domains:allow, other-domains:pending}. */
    @Override
    public String toString() {
        return OUR_DOMAINS + ":" + ourDomains.token() + ", " + OTHER_DOMAINS + ":" + otherDomains.token();
    }
}
