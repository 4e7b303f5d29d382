package org.seed.sip.console.api;

import java.util.List;
import java.util.Locale;

import org.seed.sip.common.config.PlatformSettings;

/**
 * What the console reads from the platform's configuration.
 *
 * @param domains the SIP domains served ({@code sip.domains}), lower case; the first is the default one
 */
public record ConsoleSettings(List<String> domains) {

    public ConsoleSettings {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("sip.domains must name at least one domain");
        }
        domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    public static ConsoleSettings from(PlatformSettings settings) {
        return new ConsoleSettings(settings.list("sip.domains"));
    }

    /** Where accounts go when no domain is given, and the domain of a console login without one. */
    public String defaultDomain() {
        return domains.get(0);
    }
}
