package org.seed.sip.common.pidf;

import javax.xml.XMLConstants;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlValue;

/** A human-readable note (RFC 3863 §4.1.8, RFC 4479 §4.2): text with an optional {@code xml:lang}. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class Note {

    @XmlValue
    private String text;
    @XmlAttribute(namespace = XMLConstants.XML_NS_URI)
    private String lang;

    /** For JAXB. */
    Note() {
    }

    public Note(String text, String lang) {
        this.text = text;
        this.lang = lang;
    }

    public String text() {
        return text;
    }

    /** The language tag, or null. */
    public String lang() {
        return lang;
    }
}
