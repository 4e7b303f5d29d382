package org.seed.sip.presence.im.rules;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per sender (an authenticated user, or the source address of a foreign one): {@code burst}
 * MESSAGEs at once, {@code perSecond} on average. A sender over its rate is told when to try again (503 with
 * Retry-After, RFC 3261 §21.5.4), not queued.
 */
public final class SenderRates {

    /** Beyond this many senders, those whose bucket has filled up again are forgotten (they are at the start state). */
    private static final int SENDERS_KEPT = 10_000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SenderRates(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /**
     * Takes a token of {@code sender}'s bucket at {@code nanoTime} ({@link System#nanoTime()}).
     *
     * @return empty when the MESSAGE may go; else the whole seconds until a token is there (at least 1)
     */
    public OptionalLong take(String sender, long nanoTime) {
        if (buckets.size() > SENDERS_KEPT) {
            buckets.values().removeIf(bucket -> bucket.full(nanoTime));
        }
        return buckets.computeIfAbsent(sender, key -> new Bucket(nanoTime)).take(nanoTime);
    }

    private final class Bucket {

        private double tokens = burst;
        private long refilledAt;

        Bucket(long nanoTime) {
            refilledAt = nanoTime;
        }

        synchronized OptionalLong take(long nanoTime) {
            refill(nanoTime);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double secondsToNext = (1 - tokens) / perSecond;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(secondsToNext)));
        }

        synchronized boolean full(long nanoTime) {
            refill(nanoTime);
            return tokens >= burst;
        }

        private void refill(long nanoTime) {
            long elapsed = nanoTime - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
                refilledAt = nanoTime;
            }
        }
    }
}
