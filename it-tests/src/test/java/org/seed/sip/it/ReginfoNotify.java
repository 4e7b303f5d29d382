package org.seed.sip.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sip.message.Request;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A reg event NOTIFY as a watcher reads it: its headers and its reginfo body, parsed with DOM. */
final class ReginfoNotify extends EventNotify {

    static final String NAMESPACE = "urn:ietf:params:xml:ns:reginfo";

    private final Element reginfo;

    private ReginfoNotify(Request request, Element reginfo) {
        super(request);
        this.reginfo = reginfo;
    }

    static ReginfoNotify parse(Request notify) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(notify.getRawContent()))
                    .getDocumentElement();
            if (!NAMESPACE.equals(root.getNamespaceURI()) || !"reginfo".equals(root.getLocalName())) {
                throw new AssertionError("NOTIFY body is not a reginfo document: " + new String(notify.getRawContent()));
            }
            return new ReginfoNotify(notify, root);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("NOTIFY body is not XML: " + e.getMessage(), e);
        }
    }

    long version() {
        return Long.parseLong(reginfo.getAttribute("version"));
    }

    /** full or partial. */
    String documentState() {
        return reginfo.getAttribute("state");
    }

    /** The {@code <registration>} of the document (the registrar reports one AOR per subscription). */
    Element registration() {
        NodeList registrations = reginfo.getElementsByTagNameNS(NAMESPACE, "registration");
        if (registrations.getLength() != 1) {
            throw new AssertionError(registrations.getLength() + " registrations in " + this);
        }
        return (Element) registrations.item(0);
    }

    List<String> contactUris() {
        List<String> uris = new ArrayList<>();
        contacts().forEach(contact -> uris.add(uri(contact)));
        return uris;
    }

    Optional<Element> contact(String uri) {
        return contacts().stream().filter(contact -> uri.equals(uri(contact))).findFirst();
    }

    private List<Element> contacts() {
        NodeList nodes = registration().getElementsByTagNameNS(NAMESPACE, "contact");
        List<Element> contacts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            contacts.add((Element) nodes.item(i));
        }
        return contacts;
    }

    private static String uri(Element contact) {
        return contact.getElementsByTagNameNS(NAMESPACE, "uri").item(0).getTextContent().trim();
    }
}
