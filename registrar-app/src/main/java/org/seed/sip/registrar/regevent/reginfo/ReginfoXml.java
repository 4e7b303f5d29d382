package org.seed.sip.registrar.regevent.reginfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBException;
import javax.xml.bind.Marshaller;

/**
 * Writes and reads reginfo documents with JAXB. Thread-safe: the context is built once, a marshaller per call.
 */
public final class ReginfoXml {

    private final JAXBContext context;

    public ReginfoXml() {
        try {
            context = JAXBContext.newInstance(Reginfo.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the reginfo classes: " + e, e);
        }
    }

    /** The document as UTF-8 XML with its declaration. */
    public byte[] write(Reginfo document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.marshal(document, out);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write reginfo: " + e, e);
        }
        return out.toByteArray();
    }

    public Reginfo read(byte[] xml) {
        try {
            return (Reginfo) context.createUnmarshaller().unmarshal(new ByteArrayInputStream(xml));
        } catch (JAXBException e) {
            throw new IllegalArgumentException("not a reginfo document: " + e, e);
        }
    }
}
