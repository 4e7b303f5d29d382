package org.seed.sip.presence.publish;

import java.util.Set;

import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.store.presence.PublicationRepository;

/**
 * The publications' side of the presence configuration.
 *
 * @param domains              the SIP domains whose users may publish
 * @param expiry               durations of publications (RFC 3903 §6 step 4: default, minimum, maximum)
 * @param maxBodyBytes         the largest PIDF document accepted (413 above it)
 * @param purgeIntervalSeconds how often expired publications are deleted and their watchers told
 */
public record PublishSettings(Set<String> domains, ExpiryPolicy expiry, int maxBodyBytes, int purgeIntervalSeconds) {

    /** A document is stored re-written (UTF-8); half the column leaves room for what writing adds. */
    static final int LARGEST_BODY_LIMIT = PublicationRepository.MAX_BODY_CHARACTERS / 2;

    public PublishSettings {
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_BODY_LIMIT) {
            throw new ConfigurationException("presence.publish.max.body must be between 1 and "
                    + LARGEST_BODY_LIMIT + ", not " + maxBodyBytes);
        }
        if (purgeIntervalSeconds < 1) {
            throw new ConfigurationException("presence.publish.purge.interval must be at least 1, not "
                    + purgeIntervalSeconds);
        }
    }

    public static PublishSettings from(PlatformSettings settings) {
        return new PublishSettings(
                Set.copyOf(settings.list("sip.domains").stream().map(String::toLowerCase).toList()),
                new ExpiryPolicy(
                        settings.integer("presence.publish.default.expires"),
                        settings.integer("presence.publish.min.expires"),
                        settings.integer("presence.publish.max.expires")),
                settings.integer("presence.publish.max.body"),
                settings.integer("presence.publish.purge.interval"));
    }
}
