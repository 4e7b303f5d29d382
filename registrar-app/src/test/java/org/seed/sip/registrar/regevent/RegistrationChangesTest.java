package org.seed.sip.registrar.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.EventPackage;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.Notify;
import org.seed.sip.common.event.NotifySender;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.event.SubscriptionStore;
import org.seed.sip.common.reach.Origin;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.registrar.regevent.reginfo.ContactEvent;
import org.seed.sip.registrar.regevent.reginfo.ContactState;
import org.seed.sip.registrar.regevent.reginfo.DocumentState;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;
import org.seed.sip.registrar.regevent.reginfo.RegistrationState;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingChange.Kind;
import org.seed.sip.store.binding.BindingEvent;
import org.seed.sip.store.binding.BindingEvent.Cause;
import org.seed.sip.store.binding.BindingListener;

/**
 * The store's binding changes as reg event NOTIFYs: the reg package on the shared notifier, with NOTIFYs
 * captured and answered at once, and changes notified on the calling thread.
 */
class RegistrationChangesTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final String PHONE = "sip:alice@192.0.2.10:5060";
    private static final ReginfoXml XML = new ReginfoXml();

    private final Map<String, List<BoundContact>> bound = new ConcurrentHashMap<>();
    private final List<Notify> sent = new ArrayList<>();
    private Notifier<List<BoundContact>, List<ContactChange>> notifier;
    private BindingListener changes;

    @BeforeEach
    void subscribeToAlice() {
        EventPackage<List<BoundContact>, List<ContactChange>> reg = new EventPackage<>(RegEventPackage.NAME,
                Reginfo.CONTENT_TYPE, uri -> Optional.of(new Resource(uri, "example.com")),
                (resource, subscriber) -> Authorization.GRANTED, aor -> bound.getOrDefault(aor, List.of()),
                new ReginfoWriter(XML));
        notifier = new Notifier<>(reg, new NoStore(), Clock.systemUTC(), Runnable::run);
        notifier.start(new RecordingSender());
        notifier.subscribe(new SubscriptionRecord("s1", "reg", ALICE, "reg",
                new SubscriptionDialog("call-1", "local", "remote", ALICE, ALICE, "sip:alice@192.0.2.30", List.of()),
                new Subscriber("alice", "example.com", false), new Origin("192.0.2.30", 5060, "udp"),
                Instant.now().plusSeconds(600), 0, 0, false), 600);
        notifier.answered("s1", 200);
        RegistrationChanges announced = new RegistrationChanges(notifier);
        // each NOTIFY answered at once, so that the next one may leave
        changes = event -> {
            announced.bindingsChanged(event);
            notifier.answered("s1", 200);
        };
    }

    @Test
    void registrationIsARegisteredContactOfAnActiveRegistration() {
        bound.put(ALICE, List.of(new BoundContact(PHONE, 300, null, "call-9", 1)));

        changes.bindingsChanged(event(Cause.REGISTER, new BindingChange(PHONE, Kind.ADDED, 300, "call-9", 1, null)));

        Reginfo document = lastDocument();
        assertThat(document.state()).isEqualTo(DocumentState.PARTIAL);
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.registrations().get(0).state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(document.registrations().get(0).contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.event()).isEqualTo(ContactEvent.REGISTERED);
            assertThat(contact.state()).isEqualTo(ContactState.ACTIVE);
        });
    }

    @Test
    void eachCauseOfARemovalHasItsContactEvent() {
        Map<Cause, ContactEvent> expected = Map.of(Cause.REGISTER, ContactEvent.UNREGISTERED,
                Cause.ADMINISTRATOR, ContactEvent.DEACTIVATED);
        expected.forEach((cause, contactEvent) -> {
            changes.bindingsChanged(event(cause, new BindingChange(PHONE, Kind.REMOVED, 0, null, 0, null)));

            Reginfo document = lastDocument();
            assertThat(document.registrations().get(0).state()).as("no contact left").isEqualTo(RegistrationState.TERMINATED);
            assertThat(document.registrations().get(0).contacts()).singleElement().satisfies(contact -> {
                assertThat(contact.event()).as("%s", cause).isEqualTo(contactEvent);
                assertThat(contact.state()).isEqualTo(ContactState.TERMINATED);
            });
        });
        changes.bindingsChanged(event(Cause.EXPIRY, new BindingChange(PHONE, Kind.EXPIRED, 0, null, 0, null)));
        assertThat(lastDocument().registrations().get(0).contacts().get(0).event()).isEqualTo(ContactEvent.EXPIRED);
        assertThat(last().subscriptionState()).startsWith("active");
    }

    @Test
    void deletedAccountRejectsItsContactsAndEndsTheSubscription() {
        changes.bindingsChanged(event(Cause.ACCOUNT_DELETED, new BindingChange(PHONE, Kind.REMOVED, 0, null, 0, null)));

        assertThat(last().subscriptionState()).isEqualTo("terminated;reason=noresource");
        assertThat(lastDocument().registrations().get(0).contacts().get(0).event()).isEqualTo(ContactEvent.REJECTED);
        assertThat(notifier.isActive("s1")).isFalse();
    }

    @Test
    void deletedAccountWithoutBindingsEndsTheSubscriptionToo() {
        changes.bindingsChanged(new BindingEvent(ALICE, Cause.ACCOUNT_DELETED, List.of()));

        assertThat(last().subscriptionState()).isEqualTo("terminated;reason=noresource");
    }

    private static BindingEvent event(Cause cause, BindingChange change) {
        return new BindingEvent(ALICE, cause, List.of(change));
    }

    private Notify last() {
        return sent.get(sent.size() - 1);
    }

    private Reginfo lastDocument() {
        return XML.read(last().body());
    }

    /** Records the NOTIFYs; the test answers each before the next can leave. */
    private final class RecordingSender implements NotifySender {

        @Override
        public Result send(SubscriptionRecord subscription, Notify notify) {
            sent.add(notify);
            return Result.SENT;
        }

        @Override
        public void keepUntil(SubscriptionRecord subscription, Instant until) {
        }

        @Override
        public void release(SubscriptionRecord subscription) {
        }
    }

    private static final class NoStore implements SubscriptionStore {

        @Override
        public void save(SubscriptionRecord subscription) {
        }

        @Override
        public void delete(String id) {
        }

        @Override
        public List<SubscriptionRecord> all(String eventPackage) {
            return List.of();
        }
    }
}
