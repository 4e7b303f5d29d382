package org.seed.sip.registrar.regevent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;

import org.seed.sip.registrar.regevent.reginfo.ReginfoBuilder;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;
import org.seed.sip.registrar.service.ContactChange;
import org.seed.sip.registrar.service.RegistrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier of the reg event package (RFC 3680, RFC 6665 §4.2): keeps the subscriptions, sends each the
 * full state when it starts or is refreshed, the changes of its AOR as they are committed, and a final
 * NOTIFY when it ends.
 * <p>
 * Thread-safe. SUBSCRIBEs and NOTIFY answers arrive on SIP threads; registration changes come from REGISTER
 * threads and the purge timer, and are handed to {@code changes} (one thread in production) so a REGISTER's
 * 200 OK never waits for NOTIFYs.
 */
public final class RegEventNotifier implements RegistrationListener {

    private static final Logger LOG = LoggerFactory.getLogger(RegEventNotifier.class);
    /** RFC 6665 §8.2.3: also the reason of a fetch or unsubscription, which end like an expiry (§4.4.3). */
    private static final String TIMEOUT = "timeout";

    private final CurrentContacts contacts;
    private final ReginfoXml xml;
    private final Clock clock;
    private final Executor changes;
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byAor = new ConcurrentHashMap<>();

    public RegEventNotifier(CurrentContacts contacts, ReginfoXml xml, Clock clock, Executor changes) {
        this.contacts = contacts;
        this.xml = xml;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Starts a subscription to {@code aor} that the SUBSCRIBE's 200 OK granted for {@code expires} seconds,
     * and sends its first NOTIFY (RFC 6665 §4.2.1.1). With {@code expires} 0 that NOTIFY is also the last
     * (a fetch, RFC 6665 §4.4.3).
     *
     * @return the subscription's id for later SUBSCRIBEs in its dialog; empty if it has already ended
     */
    public Optional<String> subscribe(String aor, int expires, NotifyChannel channel) {
        Subscription subscription = new Subscription(aor, channel);
        if (expires == 0) {
            subscription.end(TIMEOUT, fullState(aor));
            return Optional.empty();
        }
        if (!subscription.activate(expires, clock.instant(), () -> index(subscription), fullState(aor))) {
            forget(subscription);
            return Optional.empty();
        }
        return Optional.of(subscription.id());
    }

    /** Whether the subscription of this id is still running: a SUBSCRIBE in its dialog refreshes it. */
    public boolean isActive(String id) {
        Subscription subscription = byId.get(id);
        return subscription != null && subscription.isActive();
    }

    /**
     * RFC 6665 §4.2.1.2: a refresh restarts the duration and sends the full state; {@code expires} 0 ends
     * the subscription with a final NOTIFY.
     */
    public void refresh(String id, int expires) {
        Subscription subscription = byId.get(id);
        if (subscription == null) {
            return;
        }
        if (expires == 0) {
            subscription.end(TIMEOUT, fullState(subscription.aor()));
            forget(subscription);
        } else if (!subscription.activate(expires, clock.instant(), () -> { }, fullState(subscription.aor()))) {
            forget(subscription);
        }
    }

    /** RFC 6665 §4.2.2: a NOTIFY answered with an error (481, 408...) ends the subscription, silently. */
    public void notifyFailed(String id, int status) {
        Subscription subscription = byId.get(id);
        if (subscription != null && subscription.abandon()) {
            forget(subscription);
            LOG.info("reg subscription to {} ended: NOTIFY answered {}", subscription.aor(), status);
        }
    }

    /** Ends every subscription whose time is up with a final NOTIFY (RFC 6665 §4.2.2). */
    public void expireDue() {
        Instant now = clock.instant();
        for (Subscription subscription : byId.values()) {
            if (subscription.isDueAt(now) && subscription.end(TIMEOUT, fullState(subscription.aor()))) {
                forget(subscription);
                LOG.info("reg subscription to {} ended: expired", subscription.aor());
            }
        }
    }

    public int activeSubscriptions() {
        return byId.size();
    }

    @Override
    public void registrationChanged(String aor, List<ContactChange> contactChanges) {
        if (!byAor.containsKey(aor)) {
            return;
        }
        try {
            changes.execute(() -> report(aor, List.copyOf(contactChanges)));
        } catch (RejectedExecutionException e) {
            LOG.debug("application stopping: change of {} not notified", aor);
        }
    }

    /**
     * Partial state (RFC 3680 §5.1) rather than full: it carries exactly the contacts that changed, each with
     * the event that changed it, where a full document can only leave a removed contact out and lose why
     * (expired or unregistered). A subscriber that misses one sees the version skip and re-subscribes for the
     * full state.
     */
    private void report(String aor, List<ContactChange> contactChanges) {
        Set<Subscription> watching = byAor.get(aor);
        if (watching == null) {
            return;
        }
        boolean stillActive = !contacts.of(aor).isEmpty();
        Instant now = clock.instant();
        for (Subscription subscription : watching) {
            if (!subscription.report(now,
                    version -> xml.write(ReginfoBuilder.partial(version, aor, contactChanges, stillActive)))) {
                forget(subscription);
            }
        }
    }

    /** Read when the NOTIFY is built, inside the subscription's lock, so it is as fresh as can be. */
    private LongFunction<byte[]> fullState(String aor) {
        return version -> xml.write(ReginfoBuilder.full(version, aor, contacts.of(aor)));
    }

    private void index(Subscription subscription) {
        byId.put(subscription.id(), subscription);
        byAor.compute(subscription.aor(), (aor, set) -> {
            Set<Subscription> subscriptions = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscriptions.add(subscription);
            return subscriptions;
        });
    }

    private void forget(Subscription subscription) {
        byId.remove(subscription.id());
        byAor.computeIfPresent(subscription.aor(), (aor, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }
}
