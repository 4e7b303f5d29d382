package org.seed.sip.presence.im;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.presence.im.rules.OfflinePolicy;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingEvent;
import org.seed.sip.store.binding.BindingEvents;
import org.seed.sip.store.binding.BindingListener;
import org.seed.sip.store.events.StoreEvents;
import org.seed.sip.store.im.OfflineMessage;
import org.seed.sip.store.im.OfflineMessageRepository;
import org.seed.sip.store.location.Location;
import org.seed.sip.store.location.LocationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages kept for users who were offline, and their delivery when a phone of the user registers (a new
 * or refreshed binding, heard on the store's binding events) or, after a restart, to users who are registered
 * (a few seconds after the start, once the container takes requests). A user's messages go in arrival order,
 * one at a time, each to every contact of the user; each is deleted only after a phone answered 2xx, so none is
 * lost and, as long as the phones' 2xx arrive, none comes twice. A message no phone took stays first in line
 * until the next registration. Expired ones are purged every minute (and never sent, expired or not yet purged).
 */
public final class OfflineQueue implements Managed, BindingListener {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineQueue.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    /** How long after the application's start the users registered then get their kept messages. */
    private static final Duration START_DELAY = Duration.ofSeconds(5);

    private final OfflineMessageRepository messages;
    private final LocationService locations;
    private final BindingEvents bindingEvents;
    private final Deliveries deliveries;
    private final Duration ttl;
    private final int max;
    private final Clock clock;
    /**
     * The users this node keeps messages for (read at start, added to by {@link #keep}): a re-registration or a
     * MESSAGE of anyone else costs no look-up in the store. Messages another node keeps in a shared PostgreSQL
     * are learnt at this node's next start (binding events are heard by the node that made them, too).
     */
    private final Set<String> waitingFor = ConcurrentHashMap.newKeySet();
    /** Users whose messages are being sent, and whether a registration came meanwhile (try again after). */
    private final Map<String, Boolean> draining = new HashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "im-offline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MessageCopies copies;
    private StoreEvents.Subscription registrations;

    public OfflineQueue(OfflineMessageRepository messages, LocationService locations, BindingEvents bindingEvents,
            Deliveries deliveries, Duration ttl, int max, Clock clock) {
        this.messages = messages;
        this.locations = locations;
        this.bindingEvents = bindingEvents;
        this.deliveries = deliveries;
        this.ttl = ttl;
        this.max = max;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        registrations = bindingEvents.subscribe(this);
        worker.scheduleWithFixedDelay(this::purge, PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    /** Deliveries can go out now ({@code copies} needs the container's SIP factory): to every registered user. */
    void sendWith(MessageCopies madeBy) {
        copies = madeBy;
        // Restcomm puts its dispatcher in service only once every application has started: a MESSAGE sent
        // before is never answered (seen in MessagesIT, the at-start attempt timed out 0.3 s before "ready")
        worker.schedule(() -> {
            try {
                List<String> recipients = messages.recipients(clock.instant());
                waitingFor.addAll(recipients);
                LOG.info("kept MESSAGEs waiting for {} user(s) at start", recipients.size());
                recipients.forEach(this::deliver);
            } catch (RuntimeException e) {
                LOG.warn("kept MESSAGEs not looked up at start: {}", e.toString());
            }
        }, START_DELAY.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Keeps a message no phone took, durably, unless its recipient already has {@code im.offline.max} waiting.
     *
     * @return its id when kept
     */
    Kept keep(AddressOfRecord recipient, String from, String to, String contentType, byte[] body) {
        Instant now = clock.instant();
        OfflineMessageRepository.Kept kept = messages.keep(recipient,
                new OfflineMessage(0, recipient.toString(), from, to, contentType, body, now, now.plus(ttl)), max);
        if (kept instanceof OfflineMessageRepository.Stored stored) {
            waitingFor.add(recipient.toString());
            return new Kept(OfflinePolicy.Kept.STORED, stored.id());
        }
        return new Kept(kept instanceof OfflineMessageRepository.Full ? OfflinePolicy.Kept.QUEUE_FULL
                : OfflinePolicy.Kept.NO_ACCOUNT, 0);
    }

    /** What {@link #keep} did, and the message's id when it kept it. */
    record Kept(OfflinePolicy.Kept result, long id) {
    }

    /** Whether messages are kept for {@code recipient}: a new one goes behind them, not before. */
    boolean hasWaiting(AddressOfRecord recipient) {
        return waitingFor.contains(recipient.toString()) && messages.anyWaiting(recipient.toString(), clock.instant());
    }

    /** Sends {@code recipient}'s kept messages now (the user is registered), as a registration would. */
    void deliverNow(AddressOfRecord recipient) {
        worker.execute(() -> deliver(recipient.toString()));
    }

    /** A phone took a kept message after all (its 2xx came after the delivery timeout). */
    void deliveredLate(long id) {
        messages.delete(id);
    }

    /** Called on the committing thread of every binding change: a registration of a user starts its delivery. */
    @Override
    public void bindingsChanged(BindingEvent event) {
        boolean registered = event.cause() == BindingEvent.Cause.REGISTER && event.changes().stream()
                .anyMatch(change -> change.kind() == BindingChange.Kind.ADDED || change.kind() == BindingChange.Kind.REFRESHED);
        if (registered && copies != null && waitingFor.contains(event.aor())) {
            worker.execute(() -> deliver(event.aor()));
        }
    }

    private void deliver(String aor) {
        if (claim(aor)) {
            next(aor);
        }
    }

    /** Sends the first message waiting for {@code aor}; the next goes when a phone took this one. */
    private void next(String aor) {
        try {
            List<OfflineMessage> waiting = messages.waiting(aor, clock.instant());
            if (waiting.isEmpty()) {
                drained(aor);
            }
            List<Location> contacts = waiting.isEmpty() ? List.of() : locations.lookup(aor);
            if (contacts.isEmpty()) {
                release(aor);
                return;
            }
            OfflineMessage message = waiting.get(0);
            deliveries.fork(contacts, reach -> copies.stored(message, reach), new Deliveries.Outcome() {
                @Override
                public void delivered(SipServletResponse answer) {
                    messages.delete(message.id());
                    LOG.info("MESSAGE kept #{} for {} from {} -> delivered {} ({} waiting before)", message.id(), aor,
                            message.from(), answer.getStatus(), waiting.size());
                    worker.execute(() -> next(aor));
                }

                @Override
                public void undelivered() {
                    LOG.info("MESSAGE kept #{} for {} from {} -> not taken by {} contact(s), kept", message.id(), aor,
                            message.from(), contacts.size());
                    worker.execute(() -> retryOrRelease(aor));
                }

                @Override
                public void deliveredLate() {
                    messages.delete(message.id());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("kept MESSAGEs for {} not sent: {}", aor, e.toString());
            release(aor);
        }
    }

    /** Nothing left for {@code aor}; a message kept meanwhile (its keep ran after the read) puts it back. */
    private void drained(String aor) {
        waitingFor.remove(aor);
        if (messages.anyWaiting(aor, clock.instant())) {
            waitingFor.add(aor);
        }
    }

    /** A user's delivery stopped on a message no phone took: again only if a registration came meanwhile. */
    private void retryOrRelease(String aor) {
        synchronized (draining) {
            if (!draining.get(aor)) {
                draining.remove(aor);
                return;
            }
            draining.put(aor, false);
        }
        next(aor);
    }

    /** True when this call is to send {@code aor}'s messages; false when a delivery runs and will look again. */
    private boolean claim(String aor) {
        synchronized (draining) {
            if (draining.containsKey(aor)) {
                draining.put(aor, true);
                return false;
            }
            draining.put(aor, false);
            return true;
        }
    }

    private void release(String aor) {
        synchronized (draining) {
            boolean again = Boolean.TRUE.equals(draining.remove(aor));
            if (again) {
                worker.execute(() -> deliver(aor));
            }
        }
    }

    private void purge() {
        try {
            int purged = messages.purgeExpired(clock.instant());
            if (purged > 0) {
                LOG.info("{} kept MESSAGE(s) expired undelivered", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("expired MESSAGEs not purged: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (registrations != null) {
                registrations.close();
            }
        } finally {
            worker.shutdownNow();
        }
    }
}
