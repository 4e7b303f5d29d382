package org.seed.sip.common.pidf;

import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;

/** RFC 3863 §4.1.4: whether a tuple's service is reachable. */
@XmlEnum
public enum Basic {
    @XmlEnumValue("open") OPEN,
    @XmlEnumValue("closed") CLOSED;

    /** The word of the document: {@code open} or {@code closed}. */
    public String word() {
        return this == OPEN ? "open" : "closed";
    }
}
