package org.seed.sip.common.pidf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.bind.JAXBException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;

import org.seed.sip.common.pidf.InvalidPidfException.Problem;
import org.seed.sip.common.xml.XmlBinding;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes PIDF documents. Reading parses once with a parser that refuses any DTD (so no entity, no
 * external reference, no entity expansion bomb), validates the tree against the schemas ({@link PidfSchema})
 * and binds it. Thread-safe: the JAXB binding and the schema are built once, a parser and a validator per thread.
 */
public final class PidfXml {

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (such as an unknown encoding name's alias) do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final XmlBinding<Presence> binding = new XmlBinding<>(Presence.class, "PIDF", Person.class,
            Device.class, Activities.class);
    private final PidfSchema schema = new PidfSchema();
    /** This thread's parser: building one per document cost more than parsing it. */
    private final ThreadLocal<DocumentBuilder> parsers = ThreadLocal.withInitial(PidfXml::secureParser);

    /**
     * The document in {@code xml}, valid against RFC 3863, RFC 4479 and RFC 4480.
     *
     * @throws InvalidPidfException if it is not well-formed, has a DTD, or is not a valid PIDF document
     */
    public Presence read(byte[] xml) throws InvalidPidfException {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!Pidf.NAMESPACE.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
            throw new InvalidPidfException(Problem.INVALID, "the root element is not {" + Pidf.NAMESPACE
                    + "}presence but {" + root.getNamespaceURI() + "}" + root.getLocalName(), null);
        }
        tuplesFirst(root);
        try {
            schema.validator().validate(new DOMSource(document));
        } catch (SAXException e) {
            throw new InvalidPidfException(Problem.INVALID, e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidPidfException(Problem.MALFORMED, e.getMessage(), e);
        }
        try {
            return binding.bind(document);
        } catch (JAXBException e) {
            throw new InvalidPidfException(Problem.INVALID, String.valueOf(e.getMessage()), e);
        }
    }

    /** The document as UTF-8 XML with its declaration. */
    public byte[] write(Presence presence) {
        return binding.write(presence);
    }

    /**
     * Puts the tuples first and the notes next, each kind in document order. RFC 3863's schema wants them
     * before any extension element, but baresip 1.0 writes its {@code <dm:person>} before its tuple: refusing
     * that would refuse the phone; the order of different kinds carries no meaning (RFC 4479 §4.4 composes
     * by element, not by position).
     */
    private static void tuplesFirst(Element presence) {
        List<Node> tuples = new ArrayList<>();
        List<Node> notes = new ArrayList<>();
        for (Node child = presence.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Pidf.NAMESPACE.equals(element.getNamespaceURI())) {
                ("tuple".equals(element.getLocalName()) ? tuples : notes).add(element);
            }
        }
        Node first = presence.getFirstChild();
        for (Node node : tuples) {
            presence.insertBefore(node, first);
            first = node.getNextSibling();
        }
        for (Node node : notes) {
            presence.insertBefore(node, first);
            first = node.getNextSibling();
        }
    }

    private Document parse(byte[] xml) throws InvalidPidfException {
        try {
            DocumentBuilder parser = parsers.get();
            parser.reset();
            parser.setErrorHandler(FAIL_ON_ERROR);
            return parser.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new InvalidPidfException(Problem.MALFORMED, e.getMessage(), e);
        }
    }

    private static DocumentBuilder secureParser() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            // OWASP XXE prevention: a document with a DOCTYPE is refused outright
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
