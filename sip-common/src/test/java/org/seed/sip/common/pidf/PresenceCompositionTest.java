package org.seed.sip.common.pidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seed.sip.common.pidf.PidfDocuments.XML;
import static org.seed.sip.common.pidf.PidfDocuments.read;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Several publications of one presentity composed into one document (RFC 4479 §3.4). */
class PresenceCompositionTest {

    private static final String ALICE = "sip:alice@example.com";

    private static Presence phoneThenDesktop() {
        return PresenceComposition.compose(ALICE, List.of(read("phone-busy.xml"), read("desktop-away.xml")), true);
    }

    @Test
    void everyTupleOfEveryPublicationNewestFirstWithUniqueIds() {
        Presence composed = phoneThenDesktop();

        assertThat(composed.entity()).isEqualTo(ALICE);
        assertThat(composed.tuples()).extracting(Tuple::id).containsExactly("t4109", "t4109-2");
        assertThat(composed.tuples()).extracting(tuple -> tuple.contact().uri())
                .containsExactly("sip:alice@192.0.2.10:5060", "sip:alice@192.0.2.20");
        assertThat(composed.basic()).isEqualTo(Basic.OPEN);
    }

    @Test
    void onePersonWhoseNewestElementOfEachKindWinsAndOlderKindsStay() {
        Person person = phoneThenDesktop().persons().get(0);

        assertThat(phoneThenDesktop().persons()).hasSize(1);
        // the phone (newest) says busy and on the phone; the desktop's mood and homepage are kept
        assertThat(person.activities().orElseThrow().names()).containsExactly("busy", "on-the-phone");
        assertThat(person.elements()).extracting(PresenceCompositionTest::localName)
                .containsExactly("activities", "mood", "homepage");
        // the phone's person has no note nor timestamp: the desktop's are kept
        assertThat(person.notes()).extracting(Note::text).containsExactly("Lunch");
        assertThat(person.timestamp().toXMLFormat()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(person.id()).isEqualTo("p1");
    }

    @Test
    void devicesMergedByDeviceIdTheNewestDescriptionWinning() {
        List<Device> devices = phoneThenDesktop().devices();

        assertThat(devices).extracting(Device::deviceId).containsExactly(
                "urn:uuid:0b9c3f42-6f6e-4d7e-9a34-1f4a1b3c5d7e", "urn:uuid:d27459b7-8213-4395-aa77-ed859a3e5b3a");
        assertThat(devices.get(1).notes()).extracting(Note::text).containsExactly("seen from the phone");
    }

    @Test
    void notesAndUnknownExtensionsAreKept() {
        Presence composed = phoneThenDesktop();

        assertThat(composed.notes()).extracting(Note::text).containsExactly("Out to lunch");
        assertThat(composed.extensions()).filteredOn(Element.class::isInstance)
                .extracting(PresenceCompositionTest::localName).containsExactly("battery");
    }

    @Test
    void olderPublicationFirstGivesTheDesktopsActivities() {
        Presence composed = PresenceComposition.compose(ALICE,
                List.of(read("desktop-away.xml"), read("phone-busy.xml")), true);

        assertThat(composed.persons().get(0).activities().orElseThrow().names()).containsExactly("away", "meal");
        assertThat(composed.tuples()).extracting(Tuple::isOpen).containsExactly(false, true);
        assertThat(composed.basic()).isEqualTo(Basic.OPEN);
    }

    @Test
    void composedDocumentIsValidPidf() throws InvalidPidfException {
        Presence composed = XML.read(XML.write(phoneThenDesktop()));

        assertThat(composed.tuples()).hasSize(2);
        assertThat(composed.persons()).hasSize(1);
        assertThat(composed.devices()).hasSize(2);
    }

    @Test
    void idsStayUniqueAcrossTuplesPersonsAndDevices() throws InvalidPidfException {
        Presence samePhoneTwice = PresenceComposition.compose(ALICE,
                List.of(read("phone-busy.xml"), read("phone-busy.xml"), read("baresip.xml")), false);

        assertThat(samePhoneTwice.tuples()).extracting(Tuple::id).containsExactly("t4109", "t4109-2", "t4109-3");
        XML.read(XML.write(samePhoneTwice));
    }

    @Test
    void withoutPublicationsTheRegistrationIsThePresence() throws InvalidPidfException {
        Presence registered = XML.read(XML.write(PresenceComposition.compose(ALICE, List.of(), true)));
        Presence unregistered = XML.read(XML.write(PresenceComposition.compose(ALICE, List.of(), false)));

        assertThat(registered.tuples()).singleElement().satisfies(tuple -> assertThat(tuple.isOpen()).isTrue());
        assertThat(registered.basic()).isEqualTo(Basic.OPEN);
        assertThat(unregistered.tuples()).singleElement().satisfies(tuple -> {
            assertThat(tuple.status().basic()).isEqualTo(Basic.CLOSED);
            assertThat(tuple.id()).isEqualTo(PresenceComposition.REGISTRATION_TUPLE);
        });
        assertThat(unregistered.basic()).isEqualTo(Basic.CLOSED);
        assertThat(unregistered.entity()).isEqualTo(ALICE);
    }

    @Test
    void publicationsWinOverTheRegistration() {
        Presence closedPublication = PresenceComposition.compose(ALICE, List.of(read("desktop-away.xml")), true);

        assertThat(closedPublication.basic()).isEqualTo(Basic.CLOSED);
        assertThat(closedPublication.tuples()).extracting(Tuple::id).containsExactly("t4109");
    }

    private static String localName(Object element) {
        if (element instanceof Element dom) {
            return dom.getLocalName();
        }
        return element.getClass().getAnnotation(javax.xml.bind.annotation.XmlRootElement.class).name();
    }
}
