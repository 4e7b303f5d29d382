package org.seed.sip.common.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows online password guessing (RFC 7616 security considerations, online dictionary attacks): a source
 * address with {@code failures} failed attempts within {@code window} is blocked for {@code block}.
 * <p>
 * Every failure and every block is one WARN line in a fixed format, for fail2ban and the like:
 * <pre>
 * auth failure: source=203.0.113.9 user="alice" realm="example.com" method=REGISTER reason=bad-response
 * auth blocked: source=203.0.113.9 for 300s after 5 failures
 * </pre>
 * Memory is bounded: past {@code capacity} sources, idle ones are dropped, then the least recently active.
 */
public final class FailureThrottle {

    /** Sources tracked at most. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FailureThrottle.class);

    private static final class Source {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant blockedUntil = Instant.MIN;
    }

    private final int failures;
    private final Duration window;
    private final Duration block;
    private final int capacity;
    // access order: the eldest entry is the least recently active source
    private final Map<String, Source> sources = new LinkedHashMap<>(16, 0.75f, true);

    public FailureThrottle(int failures, Duration window, Duration block) {
        this(failures, window, block, DEFAULT_CAPACITY);
    }

    FailureThrottle(int failures, Duration window, Duration block, int capacity) {
        if (failures < 1 || capacity < 1) {
            throw new IllegalArgumentException("failures and capacity must be at least 1");
        }
        this.failures = failures;
        this.window = window;
        this.block = block;
        this.capacity = capacity;
    }

    /** From {@code auth.throttle.failures}, {@code auth.throttle.window} and {@code auth.throttle.block}. */
    public static FailureThrottle from(AuthSettings settings) {
        return new FailureThrottle(settings.throttleFailures(), settings.throttleWindow(), settings.throttleBlock());
    }

    /** The whole seconds until {@code source} may try again, or empty if it is not blocked. */
    public synchronized OptionalLong blockedFor(String source, Instant now) {
        Source entry = sources.get(source);
        if (entry == null || !now.isBefore(entry.blockedUntil)) {
            return OptionalLong.empty();
        }
        long millis = Duration.between(now, entry.blockedUntil).toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }

    /** Logs {@code failure} and counts it against its source, blocking the source at the limit. */
    public void recordFailure(AuthFailure failure, Instant now) {
        String source = LogText.bare(failure.source());
        LOG.warn("auth failure: source={} user={} realm={} method={} reason={}", source,
                LogText.quoted(failure.username()), LogText.quoted(failure.realm()), LogText.bare(failure.method()),
                failure.reason().token());
        if (count(failure.source(), now)) {
            LOG.warn("auth blocked: source={} for {}s after {} failures", source, block.toSeconds(), failures);
        }
    }

    /** Returns whether this failure blocked the source. */
    private synchronized boolean count(String source, Instant now) {
        Source entry = sources.get(source);
        if (entry == null) {
            makeRoom(now);
            entry = new Source();
            sources.put(source, entry);
        }
        Instant windowStart = now.minus(window);
        while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(windowStart)) {
            entry.failures.removeFirst();
        }
        entry.failures.addLast(now);
        if (entry.failures.size() < failures) {
            return false;
        }
        entry.failures.clear();
        entry.blockedUntil = now.plus(block);
        return true;
    }

    private void makeRoom(Instant now) {
        if (sources.size() < capacity) {
            return;
        }
        Instant windowStart = now.minus(window);
        sources.values().removeIf(entry -> !now.isBefore(entry.blockedUntil)
                && (entry.failures.isEmpty() || !entry.failures.peekLast().isAfter(windowStart)));
        Iterator<Source> leastRecentFirst = sources.values().iterator();
        while (sources.size() >= capacity) {
            leastRecentFirst.next();
            leastRecentFirst.remove();
        }
    }

    /** How many sources are tracked. */
    synchronized int size() {
        return sources.size();
    }
}
