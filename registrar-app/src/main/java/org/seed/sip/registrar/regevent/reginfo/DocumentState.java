package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;

/** RFC 3680 §5.1: whether a document lists every registration and contact, or only what changed. */
@XmlEnum
public enum DocumentState {
    @XmlEnumValue("full") FULL,
    @XmlEnumValue("partial") PARTIAL
}
