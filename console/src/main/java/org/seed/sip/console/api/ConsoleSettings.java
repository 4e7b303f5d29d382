package org.seed.sip.console.api;

import java.util.List;
import java.util.Locale;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.presence.DefaultRule;

/**
 * What the console reads from the platform's configuration.
 *
 * @param domains         the SIP domains served ({@code sip.domains}), lower case; the first is the default one
 * @param presenceDefault {@code presence.default.rule}: what watchers get from presentities that set no rule for them
 */
public record ConsoleSettings(List<String> domains, DefaultRule presenceDefault) {

    public ConsoleSettings {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("sip.domains must name at least one domain");
        }
        domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code domains} with the built-in presence default (our domains allowed, others pending): for tests and tools. */
    public ConsoleSettings(List<String> domains) {
        this(domains, DefaultRule.OUR_DOMAINS_ALLOWED);
    }

    public static ConsoleSettings from(PlatformSettings settings) {
        return new ConsoleSettings(settings.list("sip.domains"), DefaultRule.from(settings));
    }

    /** Where accounts go when no domain is given, and the domain of a console login without one. */
    public String defaultDomain() {
        return domains.get(0);
    }
}
