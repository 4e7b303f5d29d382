package org.seed.sip.common.pidf;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlValue;

/** A tuple's contact address (RFC 3863 §4.1.5), with its priority as written (a q-value), or none. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class Contact {

    @XmlValue
    private String uri;
    @XmlAttribute
    private String priority;

    /** For JAXB. */
    Contact() {
    }

    public Contact(String uri, String priority) {
        this.uri = uri;
        this.priority = priority;
    }

    public String uri() {
        return uri;
    }

    /** The q-value as written, or null. */
    public String priority() {
        return priority;
    }
}
