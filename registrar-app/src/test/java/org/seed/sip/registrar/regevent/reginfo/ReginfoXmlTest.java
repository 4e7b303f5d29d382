package org.seed.sip.registrar.regevent.reginfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.seed.sip.registrar.regevent.ContactChange;
import org.seed.sip.registrar.regevent.ContactChange.Event;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Reginfo documents as the notifier writes them, checked against the schema of RFC 3680. */
class ReginfoXmlTest {

    private static final String AOR = "sip:alice@example.com";
    private final ReginfoXml xml = new ReginfoXml();

    @Test
    void fullStateIsValidAgainstTheRfcSchema() throws SAXException {
        Rfc3680Schema.validate(xml.write(ReginfoBuilder.full(0, AOR, List.of(
                new BoundContact("sip:alice@192.0.2.10:5060;transport=tcp", 3599, 0.8f, "call-1@phone", 7),
                new BoundContact("sip:alice@192.0.2.11", 60, null, "call-2@phone", 1)))));
    }

    @Test
    void aorWithoutContactsIsValidAgainstTheRfcSchema() throws SAXException {
        Rfc3680Schema.validate(xml.write(ReginfoBuilder.full(3, AOR, List.of())));
    }

    @Test
    void partialStateWithEveryEventIsValidAgainstTheRfcSchema() throws SAXException {
        Rfc3680Schema.validate(xml.write(ReginfoBuilder.partial(5, AOR, List.of(
                new ContactChange("sip:alice@192.0.2.10", Event.REGISTERED, 600, "call-1@phone", 1, 1.0f),
                new ContactChange("sip:alice@192.0.2.11", Event.REFRESHED, 300, "call-2@phone", 9, null),
                new ContactChange("sip:alice@192.0.2.12", Event.EXPIRED, 0, null, 0, null),
                new ContactChange("sip:alice@192.0.2.13", Event.UNREGISTERED, 0, "call-3@phone", 4, null)),
                false)));
    }

    @Test
    void schemaRefusesADocumentOutsideTheRfc() {
        String invalid = "<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"0\" state=\"complete\"/>";

        assertThatThrownBy(() -> Rfc3680Schema.validate(invalid.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("complete");
    }

    @Test
    void documentIsUtf8XmlInTheReginfoNamespace() throws Exception {
        byte[] written = xml.write(ReginfoBuilder.full(0, AOR, List.of()));

        assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("<?xml").contains("UTF-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(written)).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(Reginfo.NAMESPACE);
        assertThat(root.getTagName()).as("default namespace, no prefix").isEqualTo("reginfo");
        assertThat(root.getAttribute("version")).isEqualTo("0");
        assertThat(root.getAttribute("state")).isEqualTo("full");
    }

    @Test
    void readingWhatWasWrittenGivesTheSameDocument() {
        Reginfo full = ReginfoBuilder.full(12, AOR, List.of(
                new BoundContact("sip:alice@192.0.2.10:5060", 3599, 0.5f, "call-1@phone", 7)));
        Reginfo partial = ReginfoBuilder.partial(13, AOR, List.of(
                new ContactChange("sip:alice@192.0.2.10:5060", Event.EXPIRED, 0, null, 0, 0.5f)), false);

        for (Reginfo document : List.of(full, partial)) {
            assertThat(xml.read(xml.write(document))).usingRecursiveComparison().isEqualTo(document);
        }
    }

    @Test
    void markupInValuesIsEscaped() throws SAXException {
        String contact = "sip:alice@192.0.2.10;foo=\"<&>\"";
        byte[] written = xml.write(ReginfoBuilder.full(0, AOR, List.of(new BoundContact(contact, 60, null, "a<b", 1))));

        Rfc3680Schema.validate(written);
        Contact read = xml.read(written).registrations().get(0).contacts().get(0);
        assertThat(read.uri()).isEqualTo(contact);
        assertThat(read.callId()).isEqualTo("a<b");
    }
}
