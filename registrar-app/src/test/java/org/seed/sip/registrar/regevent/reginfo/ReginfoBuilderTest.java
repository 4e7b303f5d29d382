package org.seed.sip.registrar.regevent.reginfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.registrar.regevent.ContactChange;
import org.seed.sip.registrar.regevent.ContactChange.Event;

class ReginfoBuilderTest {

    private static final String AOR = "sip:alice@example.com";
    private static final String PHONE = "sip:alice@192.0.2.10:5060";

    @Test
    void aorWithoutContactsIsInInitState() {
        Reginfo document = ReginfoBuilder.full(0, AOR, List.of());

        assertThat(document.state()).isEqualTo(DocumentState.FULL);
        assertThat(document.registrations()).singleElement().satisfies(registration -> {
            assertThat(registration.aor()).isEqualTo(AOR);
            assertThat(registration.state()).isEqualTo(RegistrationState.INIT);
            assertThat(registration.contacts()).isEmpty();
        });
    }

    @Test
    void fullStateListsEachBoundContactAsRegisteredWithItsBinding() {
        Reginfo document = ReginfoBuilder.full(4, AOR, List.of(new BoundContact(PHONE, 3599, 0.8f, "call-1@phone", 7)));

        assertThat(document.version()).isEqualTo(4);
        Registration registration = document.registrations().get(0);
        assertThat(registration.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(registration.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.uri()).isEqualTo(PHONE);
            assertThat(contact.state()).isEqualTo(ContactState.ACTIVE);
            assertThat(contact.event()).isEqualTo(ContactEvent.REGISTERED);
            assertThat(contact.expires()).isEqualTo(3599);
            assertThat(contact.q()).isEqualTo("0.8");
            assertThat(contact.callId()).isEqualTo("call-1@phone");
            assertThat(contact.cseq()).isEqualTo(7);
        });
    }

    @Test
    void partialStateNamesEachChangedContactWithItsEvent() {
        Reginfo document = ReginfoBuilder.partial(1, AOR, List.of(
                new ContactChange(PHONE, Event.REGISTERED, 600, "call-1@phone", 1, null),
                new ContactChange("sip:alice@192.0.2.11", Event.REFRESHED, 300, "call-2@phone", 2, null)), true);

        assertThat(document.state()).isEqualTo(DocumentState.PARTIAL);
        assertThat(document.registrations().get(0).state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(document.registrations().get(0).contacts())
                .extracting(Contact::event, Contact::state, Contact::expires)
                .containsExactly(
                        tuple(ContactEvent.REGISTERED, ContactState.ACTIVE, 600L),
                        tuple(ContactEvent.REFRESHED, ContactState.ACTIVE, 300L));
    }

    @Test
    void removedContactIsTerminatedWithoutExpiry() {
        Reginfo document = ReginfoBuilder.partial(2, AOR, List.of(
                new ContactChange(PHONE, Event.UNREGISTERED, 0, "call-1@phone", 3, null),
                new ContactChange("sip:alice@192.0.2.11", Event.EXPIRED, 0, null, 0, 0.5f)), true);

        assertThat(document.registrations().get(0).contacts()).allSatisfy(contact -> {
            assertThat(contact.state()).isEqualTo(ContactState.TERMINATED);
            assertThat(contact.expires()).isNull();
        }).extracting(Contact::event).containsExactly(ContactEvent.UNREGISTERED, ContactEvent.EXPIRED);
    }

    @Test
    void expiryNamesNoRegisterRequest() {
        Contact expired = ReginfoBuilder.partial(2, AOR,
                List.of(new ContactChange(PHONE, Event.EXPIRED, 0, null, 0, null)), false)
                .registrations().get(0).contacts().get(0);

        assertThat(expired.callId()).isNull();
        assertThat(expired.cseq()).isNull();
    }

    @Test
    void registrationWithoutContactsLeftIsTerminated() {
        Reginfo document = ReginfoBuilder.partial(3, AOR,
                List.of(new ContactChange(PHONE, Event.UNREGISTERED, 0, "call-1@phone", 3, null)), false);

        assertThat(document.registrations().get(0).state()).isEqualTo(RegistrationState.TERMINATED);
    }

    @Test
    void idsStayTheSameAcrossDocumentsAndDifferPerContactAndAor() {
        Contact listed = ReginfoBuilder.full(0, AOR, List.of(new BoundContact(PHONE, 60, null, "c", 1)))
                .registrations().get(0).contacts().get(0);
        Reginfo changed = ReginfoBuilder.partial(1, AOR, List.of(
                new ContactChange(PHONE, Event.EXPIRED, 0, null, 0, null),
                new ContactChange("sip:alice@192.0.2.11", Event.REGISTERED, 60, "d", 1, null)), true);
        Reginfo otherAor = ReginfoBuilder.full(0, "sip:bob@example.com", List.of(new BoundContact(PHONE, 60, null, "c", 1)));

        List<Contact> changedContacts = changed.registrations().get(0).contacts();
        assertThat(changedContacts.get(0).id()).isEqualTo(listed.id());
        assertThat(changedContacts.get(1).id()).isNotEqualTo(listed.id());
        assertThat(otherAor.registrations().get(0).contacts().get(0).id()).isNotEqualTo(listed.id());
        assertThat(otherAor.registrations().get(0).id()).isNotEqualTo(changed.registrations().get(0).id());
    }
}
