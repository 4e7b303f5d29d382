package org.seed.sip.registrar.service;

import java.util.Set;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.registrar.rules.RegistrationPolicy;

/** The registrar's part of the platform configuration, reg event subscriptions included. */
public record RegistrarSettings(Set<String> domains, RegistrationPolicy policy, int purgeIntervalSeconds,
        ExpiryPolicy subscriptionPolicy) {

    public static RegistrarSettings from(PlatformSettings settings) {
        return new RegistrarSettings(
                Set.copyOf(settings.list("sip.domains").stream().map(String::toLowerCase).toList()),
                new RegistrationPolicy(
                        settings.integer("registrar.expires.default"),
                        settings.integer("registrar.expires.min"),
                        settings.integer("registrar.expires.max")),
                settings.integer("registrar.purge.interval"),
                new ExpiryPolicy(
                        settings.integer("regevent.expires.default"),
                        settings.integer("regevent.expires.min"),
                        settings.integer("regevent.expires.max")));
    }
}
