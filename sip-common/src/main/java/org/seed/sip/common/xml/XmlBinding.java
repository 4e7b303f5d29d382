package org.seed.sip.common.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBException;
import javax.xml.bind.Marshaller;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Node;

/**
 * Writes and reads one kind of XML document with JAXB. Thread-safe: the context is built once, a marshaller
 * per call. Reading never resolves a DTD or an external entity (a document from the network must not make
 * the server open files or connections).
 *
 * @param <T> the document's root class
 */
public final class XmlBinding<T> {

    private static final XMLInputFactory INPUT = safeInput();

    private final Class<T> root;
    private final String name;
    private final JAXBContext context;

    /**
     * @param name       what the document is called in error messages ({@code reginfo})
     * @param extensions classes of elements the root's {@code @XmlAnyElement} may hold, bound too
     */
    public XmlBinding(Class<T> root, String name, Class<?>... extensions) {
        this.root = root;
        this.name = name;
        Class<?>[] bound = new Class<?>[extensions.length + 1];
        bound[0] = root;
        System.arraycopy(extensions, 0, bound, 1, extensions.length);
        try {
            context = JAXBContext.newInstance(bound);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the " + name + " classes: " + e, e);
        }
    }

    /** The document as UTF-8 XML with its declaration. */
    public byte[] write(T document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.marshal(document, out);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + name + ": " + e, e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException if {@code xml} is not such a document */
    public T read(byte[] xml) {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            return context.createUnmarshaller().unmarshal(reader, root).getValue();
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalArgumentException("not a " + name + " document: " + e, e);
        }
    }

    /**
     * Binds a document already parsed (and validated) by the caller.
     *
     * @throws JAXBException if it is not such a document
     */
    public T bind(Node document) throws JAXBException {
        return context.createUnmarshaller().unmarshal(document, root).getValue();
    }

    private static XMLInputFactory safeInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
