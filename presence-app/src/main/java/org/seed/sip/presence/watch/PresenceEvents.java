package org.seed.sip.presence.watch;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.event.SubscriptionListener;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.event.TerminationReason;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.kit.presence.ComposedPresence;
import org.seed.sip.kit.presence.CurrentPresence;
import org.seed.sip.presence.PresenceChanges;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingEvents;
import org.seed.sip.store.events.StoreEvents;
import org.seed.sip.store.presence.PresenceRulesEvents;

/**
 * The presence (RFC 3856) and watcher-information (RFC 3857) notifiers and what moves them: a presentity's
 * publications and registrations change its composed document, which its watchers are told of at the pace of
 * RFC 3856 §6.10 and only when it says something new; a presence subscription that starts, is decided or ends
 * is told to the presentity's watcher-information subscribers.
 * <p>
 * Started, it listens to the store's binding and presence-rules changes and checks both notifiers'
 * subscriptions every second; stopped, it stops listening, then the thread.
 */
public final class PresenceEvents implements Managed, PresenceChanges {

    private final Notifier<ComposedPresence, ComposedPresence> presence;
    private final Notifier<List<SubscriptionRecord>, WatcherChange> watcherInfo;
    private final CurrentPresence documents;
    private final BindingEvents bindingEvents;
    private final PresenceRulesEvents rulesEvents;
    private final NotifierThread thread;
    private final NotificationPacer pacer;
    /** The document each watched presentity's watchers were last told of a change with. */
    private final Map<String, byte[]> lastNotified = new ConcurrentHashMap<>();
    private StoreEvents.Subscription registrations;
    private StoreEvents.Subscription rules;

    PresenceEvents(Notifier<ComposedPresence, ComposedPresence> presence,
            Notifier<List<SubscriptionRecord>, WatcherChange> watcherInfo, CurrentPresence documents,
            BindingEvents bindingEvents, PresenceRulesEvents rulesEvents, NotifierThread thread, WatchSettings settings, Clock clock) {
        this.presence = presence;
        this.watcherInfo = watcherInfo;
        this.documents = documents;
        this.bindingEvents = bindingEvents;
        this.rulesEvents = rulesEvents;
        this.thread = thread;
        this.pacer = new NotificationPacer(settings.notifyMinInterval(), clock,
                (delay, task) -> thread.schedule(task, delay), presentity -> thread.execute(() -> notify(presentity)));
        presence.listenWith(new WatcherInfoFeed());
    }

    public Notifier<ComposedPresence, ComposedPresence> presence() {
        return presence;
    }

    public Notifier<List<SubscriptionRecord>, WatcherChange> watcherInfo() {
        return watcherInfo;
    }

    /** A presentity's composed document may have changed; nothing to do if nobody watches it. */
    @Override
    public void changed(String aor) {
        if (presence.watches(aor)) {
            pacer.changed(aor);
        }
    }

    private void notify(String presentity) {
        if (!presence.watches(presentity)) {
            lastNotified.remove(presentity);
            return;
        }
        ComposedPresence now = documents.of(presentity);
        byte[] before = lastNotified.put(presentity, now.pidf());
        // a re-registration, a refreshed publication: the document says what it said
        if (!Arrays.equals(before, now.pidf())) {
            presence.changed(presentity, now, now);
        }
    }

    @Override
    public synchronized void start() {
        thread.tick(presence);
        thread.tick(watcherInfo);
        thread.every(this::forgetUnwatched);
        registrations = bindingEvents.subscribe(event -> {
            // a re-registration changes no one's presence
            if (event.changes().isEmpty()
                    || event.changes().stream().anyMatch(change -> change.kind() != BindingChange.Kind.REFRESHED)) {
                changed(event.aor());
            }
        });
        // its rules changed: every watcher is decided again, and shown what the rules now let it see
        rules = rulesEvents.subscribe(event -> presence.reauthorize(event.aor().toString()));
    }

    private void forgetUnwatched() {
        pacer.forgetIdle();
        lastNotified.keySet().removeIf(presentity -> !presence.watches(presentity));
    }

    @Override
    public synchronized void stop() {
        try {
            if (rules != null) {
                rules.close();
            }
            if (registrations != null) {
                registrations.close();
            }
        } finally {
            thread.close();
        }
    }

    /** RFC 3857: the presentity's watcher-information subscribers hear of every watcher's change. */
    private final class WatcherInfoFeed implements SubscriptionListener {

        @Override
        public void started(SubscriptionRecord subscription) {
            watcherInfo.changed(subscription.resource(), WatcherChange.started(subscription));
        }

        @Override
        public void authorizationChanged(SubscriptionRecord subscription) {
            watcherInfo.changed(subscription.resource(), WatcherChange.authorizationChanged(subscription));
        }

        @Override
        public void ended(SubscriptionRecord subscription, TerminationReason reason) {
            watcherInfo.changed(subscription.resource(), WatcherChange.ended(subscription, reason));
        }
    }
}
