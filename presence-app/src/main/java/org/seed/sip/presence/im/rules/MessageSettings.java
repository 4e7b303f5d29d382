package org.seed.sip.presence.im.rules;

import java.time.Duration;

import org.seed.sip.common.config.PlatformSettings;

/**
 * The instant messages' part of the platform configuration (conf/platform.properties, "instant messages" block).
 *
 * @param maxBody          the largest body relayed, in bytes ({@code im.max.body}); larger is 413
 * @param ratePerSecond    MESSAGEs a sender may send per second on average ({@code im.rate.limit})
 * @param rateBurst        how many it may send at once ({@code im.rate.burst})
 * @param deliveryTimeout  how long the phones have to answer before the message is kept for later
 *                         ({@code im.delivery.timeout})
 * @param offlineTtl       how long a kept message waits for its recipient ({@code im.offline.ttl})
 * @param offlineMax       how many kept messages one recipient may have waiting ({@code im.offline.max})
 */
public record MessageSettings(int maxBody, int ratePerSecond, int rateBurst,
        Duration deliveryTimeout, Duration offlineTtl, int offlineMax) {

    /** The body column holds 100,000 base64 characters (V5_1): 75,000 bytes. */
    static final int LARGEST_STORABLE_BODY = 65_536;

    public MessageSettings {
        if (maxBody < 0 || maxBody > LARGEST_STORABLE_BODY) {
            throw new IllegalArgumentException("im.max.body must be 0 to " + LARGEST_STORABLE_BODY + ": " + maxBody);
        }
        if (ratePerSecond < 1 || rateBurst < 1) {
            throw new IllegalArgumentException("im.rate.limit and im.rate.burst must be at least 1");
        }
        if (offlineMax < 0 || offlineTtl.isNegative() || deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
            throw new IllegalArgumentException("im.offline.max, im.offline.ttl and im.delivery.timeout must be positive");
        }
    }

    public static MessageSettings from(PlatformSettings settings) {
        return new MessageSettings(settings.integer("im.max.body"),
                settings.integer("im.rate.limit"),
                settings.integer("im.rate.burst"),
                Duration.ofSeconds(settings.integer("im.delivery.timeout")),
                Duration.ofSeconds(settings.integer("im.offline.ttl")),
                settings.integer("im.offline.max"));
    }
}
