package org.seed.sip.common.event;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier of one event package (RFC 6665 §4.2): keeps its subscriptions (in memory, and in the store
 * so that they survive a restart), sends each the full state when it starts or is refreshed, every change of
 * its resource as the package reports it, and a final NOTIFY when it ends.
 * <p>
 * Thread-safe. SUBSCRIBEs and NOTIFY answers arrive on SIP threads; changes are handed to {@code changes} (one
 * thread in production) so whoever reports them never waits for NOTIFYs.
 *
 * @param <S> the package's resource state
 * @param <C> the package's state changes
 */
public final class Notifier<S, C> {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final EventPackage<S, C> eventPackage;
    private final SubscriptionStore store;
    private final Clock clock;
    private final Executor changes;
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final Subscription.Host host = new Host();
    private volatile NotifySender sender;
    private volatile SubscriptionListener listener = SubscriptionListener.NONE;

    public Notifier(EventPackage<S, C> eventPackage, SubscriptionStore store, Clock clock, Executor changes) {
        this.eventPackage = eventPackage;
        this.store = store;
        this.clock = clock;
        this.changes = changes;
    }

    public EventPackage<S, C> eventPackage() {
        return eventPackage;
    }

    /** Tells {@code subscriptionListener} of the subscriptions' lives from now on (one listener per notifier). */
    public void listenWith(SubscriptionListener subscriptionListener) {
        this.listener = subscriptionListener;
    }

    /**
     * Starts sending through {@code notifySender}, and takes back the package's stored subscriptions: their
     * dialogs are known to the store only, so their NOTIFYs go out through dialogs the sender rebuilds. Those
     * that expired meanwhile end at the next {@link #tick()}.
     */
    public void start(NotifySender notifySender) {
        this.sender = notifySender;
        List<SubscriptionRecord> stored = store.all(eventPackage.name());
        stored.forEach(record -> registry.add(subscription(record)));
        LOG.info("{} notifier: {} stored subscriptions resumed", eventPackage.name(), stored.size());
    }

    /**
     * Stores {@code subscription} before its SUBSCRIBE's 200 OK leaves, as every accepted REGISTER is stored
     * before its own: a platform stopping (or failing) right after the answer does not lose it. A fetch
     * ({@code expires} 0) is not stored. A store that fails throws: the SUBSCRIBE is then refused.
     */
    public void accept(SubscriptionRecord subscription, int expires) {
        if (expires > 0) {
            store.save(subscription);
        }
    }

    /**
     * Starts {@code subscription} (a SUBSCRIBE's 200 OK granted it {@code expires} seconds) and sends its first
     * NOTIFY (RFC 6665 §4.2.1.1). With {@code expires} 0 that NOTIFY is also the last (a fetch, RFC 6665
     * §4.4.3), and nothing is stored.
     */
    public void subscribe(SubscriptionRecord subscription, int expires) {
        Subscription started = subscription(subscription);
        if (expires == 0) {
            registry.add(started);
            started.terminate(TerminationReason.TIMEOUT, fullState(subscription.resource()));
            return;
        }
        // published inside the subscription's lock: a change reported meanwhile queues behind the full state
        started.start(clock.instant().plusSeconds(expires), fullState(subscription.resource()),
                () -> registry.add(started));
        listener.started(started.record());
    }

    /** Whether the subscription of this id is still running: a SUBSCRIBE in its dialog refreshes it. */
    public boolean isActive(String id) {
        return registry.byId(id).filter(subscription -> subscription.state() == Subscription.State.ACTIVE).isPresent();
    }

    /**
     * The running subscription that a SUBSCRIBE with these dialog ids and this Event header (as
     * {@link EventHeader#toString()} writes it) refreshes, if any.
     */
    public Optional<SubscriptionRecord> inDialog(String callId, String toTag, String fromTag, String event) {
        return registry.inDialog(callId, toTag, fromTag, event)
                .filter(subscription -> subscription.state() == Subscription.State.ACTIVE)
                .map(Subscription::record);
    }

    /**
     * RFC 6665 §4.2.1.2: a refresh restarts the duration and sends the full state; {@code expires} 0 ends the
     * subscription with a final NOTIFY.
     */
    public void refresh(String id, int expires) {
        registry.byId(id).ifPresent(subscription -> {
            String resource = subscription.record().resource();
            if (expires == 0) {
                subscription.terminate(TerminationReason.TIMEOUT, fullState(resource));
            } else {
                subscription.activate(clock.instant().plusSeconds(expires), fullState(resource));
            }
        });
    }

    /** The final answer to a NOTIFY of the subscription {@code id}. */
    public void answered(String id, int status) {
        registry.byId(id).ifPresent(subscription -> subscription.answered(status));
    }

    /**
     * Reports {@code change} of {@code resource} to its subscriptions as partial state, on the notifier's
     * thread. Partial rather than full: it tells what changed and why, where a full document can only leave a
     * removed part out. A subscriber that misses one sees the version skip and re-subscribes.
     */
    public void changed(String resource, C change) {
        onResource(resource, change, null, Subscription::report);
    }

    /** The same, for a package that read the resource's state already: {@code state}, after the change. */
    public void changed(String resource, C change, S state) {
        onResource(resource, change, state, Subscription::report);
    }

    /**
     * Ends the subscriptions to {@code resource}, which ended itself (RFC 6665 §4.1.3 {@code noresource}) or
     * may no longer be watched ({@code rejected}), with a final NOTIFY reporting {@code change}.
     */
    public void ended(String resource, C change, TerminationReason reason) {
        onResource(resource, change, null, (subscription, body) -> subscription.terminate(reason, body));
    }

    /**
     * Asks the package's authorization again for every subscription to {@code resource}, whose rules changed,
     * on the notifier's thread: a pending subscription now granted gets the state (RFC 6665 §4.1.3), a granted
     * one now pending no longer does, a refused one ends {@code rejected}; a granted one is sent the full state
     * again, since what it is shown may have changed with the rules ({@link StateView}).
     */
    public void reauthorize(String resource) {
        if (!registry.watches(resource)) {
            return;
        }
        execute(() -> {
            Optional<Resource> watched = eventPackage.resources().resolve(resource);
            for (Subscription subscription : registry.onResource(resource)) {
                reauthorize(subscription, watched);
            }
        });
    }

    private void reauthorize(Subscription subscription, Optional<Resource> watched) {
        SubscriptionRecord record = subscription.record();
        NotifyBody full = fullState(record.resource());
        if (watched.isEmpty()) {
            subscription.terminate(TerminationReason.NORESOURCE, full);
            return;
        }
        Authorization now = eventPackage.authorization().authorize(watched.get(), record.subscriber());
        if (now instanceof Authorization.Refused) {
            subscription.terminate(TerminationReason.REJECTED, full);
        } else if (subscription.authorize(now instanceof Authorization.Pending, full)) {
            listener.authorizationChanged(subscription.record());
        } else {
            subscription.report(full);
        }
    }

    /** The running subscriptions to {@code resource}, pending ones included: its watchers. */
    public List<SubscriptionRecord> subscriptionsTo(String resource) {
        return registry.onResource(resource).stream()
                .filter(subscription -> subscription.state() == Subscription.State.ACTIVE)
                .map(Subscription::record)
                .toList();
    }

    /** Whether any subscription watches {@code resource}: a change of another needs no work at all. */
    public boolean watches(String resource) {
        return registry.watches(resource);
    }

    /**
     * Runs {@code action} with the partial state of {@code change} for each subscription to {@code resource},
     * on the resource's {@code state} after it, read now if null.
     */
    private void onResource(String resource, C change, S state, BiConsumer<Subscription, NotifyBody> action) {
        if (!registry.watches(resource)) {
            return;
        }
        execute(() -> {
            List<Subscription> watching = registry.onResource(resource);
            if (!watching.isEmpty()) {
                NotifyBody body = eventPackage.partialState(resource, change,
                        state != null ? state : eventPackage.source().current(resource));
                watching.forEach(subscription -> action.accept(subscription, body));
            }
        });
    }

    private void execute(Runnable task) {
        try {
            changes.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("application stopping: change of {} subscriptions not notified", eventPackage.name());
        }
    }

    /** Ends every subscription whose time is up (RFC 6665 §4.2.2), retries or gives up on pending NOTIFYs. */
    public void tick() {
        for (Subscription subscription : registry.all()) {
            subscription.tick(fullState(subscription.record().resource()));
        }
    }

    public int activeSubscriptions() {
        return registry.size();
    }

    /** Read when the NOTIFY is built, inside the subscription's lock, so it is as fresh as can be. */
    private NotifyBody fullState(String resource) {
        return eventPackage.fullState(resource);
    }

    private Subscription subscription(SubscriptionRecord record) {
        NotifySender current = sender;
        if (current == null) {
            throw new IllegalStateException(eventPackage.name() + " notifier not started");
        }
        return new Subscription(record, eventPackage.contentType(), current, host, clock);
    }

    /** Subscriptions are kept in memory first; a store that fails is logged, and the next change writes again. */
    private final class Host implements Subscription.Host {

        @Override
        public void save(SubscriptionRecord record) {
            try {
                store.save(record);
            } catch (RuntimeException e) {
                LOG.warn("{} subscription {} not stored: {}", record.eventPackage(), record.id(), rootCause(e));
            }
        }

        @Override
        public void ended(Subscription subscription, String why) {
            SubscriptionRecord record = subscription.record();
            registry.remove(subscription);
            try {
                store.delete(record.id());
            } catch (RuntimeException e) {
                LOG.warn("{} subscription {} not deleted: {}", record.eventPackage(), record.id(), rootCause(e));
            }
            if (why != null) {
                LOG.info("{} subscription to {} ended: {}", record.eventPackage(), record.resource(), why);
            }
            listener.ended(record, subscription.terminationReason());
        }
    }

    /** The store's own words (a constraint, a lock timeout), not only its wrapper's. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (" + root + ")";
    }
}
