package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.Unmarshaller;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAnyElement;
import javax.xml.bind.annotation.XmlType;

/** A tuple's status (RFC 3863 §4.1.3): the basic status, if any, and extension status elements. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"basic", "extensions"})
public final class Status {

    private Basic basic;
    @XmlAnyElement(lax = true)
    private List<Object> extensions = new ArrayList<>();

    /** JAXB's callback: the extension elements just read, tidied for writing. */
    @SuppressWarnings("unused")
    private void afterUnmarshal(Unmarshaller unmarshaller, Object parent) {
        DomElements.tidy(extensions);
    }

    /** For JAXB. */
    Status() {
    }

    public Status(Basic basic) {
        this.basic = basic;
    }

    /** The basic status, or null when the tuple has none. */
    public Basic basic() {
        return basic;
    }

    public List<Object> extensions() {
        return List.copyOf(extensions);
    }
}
