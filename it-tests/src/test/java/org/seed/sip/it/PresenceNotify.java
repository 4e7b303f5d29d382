package org.seed.sip.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.sip.message.Request;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.PidfXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A presence NOTIFY as a watcher reads it: its headers and, unless it carries no state, its PIDF document,
 * which must be valid against the schemas of RFC 3863, RFC 4479 and RFC 4480 (read with the platform's binder,
 * {@link PidfXml}, which validates).
 */
final class PresenceNotify extends EventNotify {

    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    private static final PidfXml SCHEMA_VALID = new PidfXml();

    private final Element presence;

    private PresenceNotify(Request request, Element presence) {
        super(request);
        this.presence = presence;
    }

    static PresenceNotify parse(Request notify) {
        byte[] body = notify.getRawContent();
        if (body == null || body.length == 0) {
            return new PresenceNotify(notify, null);
        }
        try {
            SCHEMA_VALID.read(body);
        } catch (InvalidPidfException e) {
            throw new AssertionError("NOTIFY body is not a valid PIDF document: " + e.getMessage(), e);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!PIDF.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
                throw new AssertionError("NOTIFY body is not a PIDF document: " + new String(body));
            }
            return new PresenceNotify(notify, root);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("NOTIFY body is not XML: " + e.getMessage(), e);
        }
    }

    boolean hasDocument() {
        return presence != null;
    }

    String entity() {
        return document().getAttribute("entity");
    }

    /** open when any tuple is open (RFC 3863 §4.1.4), else closed. */
    String basic() {
        return texts(document(), PIDF, "basic").contains("open") ? "open" : "closed";
    }

    /** Every note of the document, tuples' and persons' alike. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(texts(document(), PIDF, "note"));
        notes.addAll(texts(document(), "urn:ietf:params:xml:ns:pidf:data-model", "note"));
        return notes;
    }

    private Element document() {
        if (presence == null) {
            throw new AssertionError("NOTIFY without a document: " + this);
        }
        return presence;
    }

    private static List<String> texts(Element root, String namespace, String name) {
        NodeList nodes = root.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
