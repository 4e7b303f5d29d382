package org.seed.sip.common.pidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seed.sip.common.pidf.PidfDocuments.XML;
import static org.seed.sip.common.pidf.PidfDocuments.read;
import static org.seed.sip.common.pidf.PidfDocuments.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.pidf.InvalidPidfException.Problem;
import org.w3c.dom.Element;

/** PIDF documents read with validation against RFC 3863/4479/4480, and written back without loss. */
class PidfXmlTest {

    private static final String PIDF_OPEN = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@example.com\">";

    @Test
    void readsWhatBaresipPublishes() {
        Presence presence = read("baresip.xml");

        assertThat(presence.entity()).isEqualTo("sip:alice@example.com");
        assertThat(presence.tuples()).singleElement().satisfies(tuple -> {
            assertThat(tuple.id()).isEqualTo("t4109");
            assertThat(tuple.status().basic()).isEqualTo(Basic.OPEN);
            assertThat(tuple.contact().uri()).isEqualTo("sip:alice@example.com");
        });
        assertThat(presence.persons()).singleElement().satisfies(person -> {
            assertThat(person.id()).isEqualTo("p4159");
            assertThat(person.activities()).hasValueSatisfying(activities -> assertThat(activities.names()).isEmpty());
        });
        assertThat(presence.basic()).isEqualTo(Basic.OPEN);
    }

    @Test
    void readsTheDataModelAndRpid() {
        Presence presence = read("desktop-away.xml");

        Tuple tuple = presence.tuples().get(0);
        assertThat(tuple.contact().priority()).isEqualTo("0.8");
        assertThat(tuple.notes()).singleElement().satisfies(note -> {
            assertThat(note.text()).isEqualTo("desktop");
            assertThat(note.lang()).isEqualTo("en");
        });
        assertThat(tuple.timestamp().toXMLFormat()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(tuple.extensions()).extracting(element -> ((Element) element).getLocalName())
                .containsExactly("user-input", "deviceID");
        Person person = presence.persons().get(0);
        assertThat(person.activities().orElseThrow().names()).containsExactly("away", "meal");
        assertThat(person.notes()).extracting(Note::text).containsExactly("Lunch");
        assertThat(presence.devices()).singleElement().satisfies(device -> {
            assertThat(device.id()).isEqualTo("pc");
            assertThat(device.deviceId()).isEqualTo("urn:uuid:d27459b7-8213-4395-aa77-ed859a3e5b3a");
        });
        assertThat(presence.notes()).extracting(Note::text).containsExactly("Out to lunch");
        assertThat(presence.basic()).isEqualTo(Basic.CLOSED);
    }

    @Test
    void writtenDocumentReadsBackWithEveryElementAndIsValid() throws InvalidPidfException {
        Presence original = read("desktop-away.xml");

        Presence again = XML.read(XML.write(original));

        assertThat(XML.write(again)).isEqualTo(XML.write(original));
        assertThat(again.persons().get(0).elements()).hasSize(3);
        assertThat(again.persons().get(0).activities().orElseThrow().names()).containsExactly("away", "meal");
        assertThat(again.tuples().get(0).extensions()).hasSize(2);
        assertThat(again.devices().get(0).notes()).extracting(Note::text).containsExactly("Alice's desktop");
    }

    @Test
    void writesPidfAsTheDefaultNamespaceAndRpidWithItsUsualPrefix() {
        String phone = new String(XML.write(read("phone-busy.xml")), StandardCharsets.UTF_8);
        String desktop = new String(XML.write(read("desktop-away.xml")), StandardCharsets.UTF_8);

        // baresip reads presence with patterns: <basic>...</basic> and <rpid:busy/>, prefixes as written here,
        // whatever prefixes the publisher chose (the desktop writes RPID as r:)
        assertThat(phone).contains("<basic>open</basic>").contains("<rpid:busy/>").contains("<dm:person");
        assertThat(desktop).contains("<rpid:away/>").contains("<rpid:user-input>idle</rpid:user-input>")
                .doesNotContain("xmlns:r=");
    }

    @Test
    void refusesADocumentThatIsNotXml() {
        assertThatThrownBy(() -> XML.read(utf8(PIDF_OPEN + "<tuple id=\"t\">")))
                .isInstanceOfSatisfying(InvalidPidfException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
    }

    @Test
    void refusesAnyDtdSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + PIDF_OPEN + "<note>&secret;</note></presence>";

        assertThatThrownBy(() -> XML.read(utf8(xxe)))
                .isInstanceOfSatisfying(InvalidPidfException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
    }

    @Test
    void refusesDocumentsTheSchemasDoNotAllow() {
        List<String> invalid = List.of(
                // basic is open or closed (RFC 3863 §4.1.4); baresip would send "unknown"
                PIDF_OPEN + "<tuple id=\"t\"><status><basic>unknown</basic></status></tuple></presence>",
                // a tuple needs a status
                PIDF_OPEN + "<tuple id=\"t\"/></presence>",
                // ids are xs:ID: unique, and not starting with a digit
                PIDF_OPEN + "<tuple id=\"t\"><status/></tuple><tuple id=\"t\"><status/></tuple></presence>",
                PIDF_OPEN + "<tuple id=\"1\"><status/></tuple></presence>",
                // the entity is required
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>",
                // a device needs its deviceID (RFC 4479)
                PIDF_OPEN + "<device xmlns=\"urn:ietf:params:xml:ns:pidf:data-model\" id=\"d\"/></presence>",
                // an activity RPID does not define, in RPID's namespace (RFC 4480)
                PIDF_OPEN + "<person xmlns=\"urn:ietf:params:xml:ns:pidf:data-model\" id=\"p\">"
                        + "<activities xmlns=\"urn:ietf:params:xml:ns:pidf:rpid\"><dancing/></activities></person></presence>",
                // a document of the data model that is not PIDF
                "<person xmlns=\"urn:ietf:params:xml:ns:pidf:data-model\" id=\"p\"/>",
                // PIDF without its namespace
                "<presence entity=\"sip:a@example.com\"/>");

        assertThat(invalid).allSatisfy(document -> assertThatThrownBy(() -> XML.read(utf8(document)))
                .as(document)
                .isInstanceOfSatisfying(InvalidPidfException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID)));
    }
}
