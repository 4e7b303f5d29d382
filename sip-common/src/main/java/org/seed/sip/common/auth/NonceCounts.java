package org.seed.sip.common.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay protection (RFC 7616 §3.4, nc: "if the same nc value is seen twice, then the request is a
 * replay"). Remembers the highest nc accepted for each nonce until the nonce's lifetime ends.
 * <p>
 * Memory is bounded: past {@code capacity} nonces the oldest is forgotten, and so that a forgotten nonce
 * cannot be replayed, every nonce issued no later than one already forgotten is answered
 * {@link Verdict#FORGOTTEN} (the client then gets a stale challenge and a fresh nonce).
 */
public final class NonceCounts {

    /** Nonces remembered at most; a registration refreshes a nonce every few minutes per phone. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** The answer for one (nonce, nc). */
    public enum Verdict {
        /** nc is higher than any seen for the nonce. */
        ACCEPTED,
        /** nc was already used with the nonce: a replay. */
        REPLAYED,
        /** The nonce is past its lifetime or was forgotten: challenge again with stale=true. */
        FORGOTTEN
    }

    private record Seen(Instant issuedAt, long highest) {
    }

    private final Duration lifetime;
    private final int capacity;
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private Instant forgottenUpTo = Instant.MIN;

    public NonceCounts(Duration lifetime) {
        this(lifetime, DEFAULT_CAPACITY);
    }

    public NonceCounts(Duration lifetime, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    /** Records {@code nonceCount} for {@code nonce}, issued at {@code issuedAt}, if it is a new high. */
    public synchronized Verdict accept(String nonce, Instant issuedAt, long nonceCount, Instant now) {
        forgetExpired(now);
        if (isExpired(issuedAt, now)) {
            return Verdict.FORGOTTEN;
        }
        Seen previous = seen.get(nonce);
        if (previous == null) {
            if (!issuedAt.isAfter(forgottenUpTo)) {
                return Verdict.FORGOTTEN;
            }
            makeRoom(now);
        } else if (nonceCount <= previous.highest()) {
            return Verdict.REPLAYED;
        }
        seen.put(nonce, new Seen(issuedAt, nonceCount));
        return Verdict.ACCEPTED;
    }

    /** How many nonces are remembered. */
    synchronized int size() {
        return seen.size();
    }

    private boolean isExpired(Instant issuedAt, Instant now) {
        return now.isAfter(issuedAt.plus(lifetime));
    }

    /** Drops expired nonces from the front; entries are in first-use order, close to issue order. */
    private void forgetExpired(Instant now) {
        Iterator<Seen> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext() && isExpired(oldestFirst.next().issuedAt(), now)) {
            oldestFirst.remove();
        }
    }

    private void makeRoom(Instant now) {
        if (seen.size() < capacity) {
            return;
        }
        seen.values().removeIf(entry -> isExpired(entry.issuedAt(), now));
        Iterator<Seen> oldestFirst = seen.values().iterator();
        while (seen.size() >= capacity) {
            Seen evicted = oldestFirst.next();
            if (evicted.issuedAt().isAfter(forgottenUpTo)) {
                forgottenUpTo = evicted.issuedAt();
            }
            oldestFirst.remove();
        }
    }
}
