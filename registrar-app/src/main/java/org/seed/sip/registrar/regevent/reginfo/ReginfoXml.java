package org.seed.sip.registrar.regevent.reginfo;

import org.seed.sip.common.xml.XmlBinding;

/** Writes and reads reginfo documents. Thread-safe. */
public final class ReginfoXml {

    private final XmlBinding<Reginfo> binding = new XmlBinding<>(Reginfo.class, "reginfo");

    /** The document as UTF-8 XML with its declaration. */
    public byte[] write(Reginfo document) {
        return binding.write(document);
    }

    public Reginfo read(byte[] xml) {
        return binding.read(xml);
    }
}
