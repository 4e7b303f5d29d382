package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;

/** RFC 3680 §5.1: a contact is bound (active) or no longer (terminated). */
@XmlEnum
public enum ContactState {
    @XmlEnumValue("active") ACTIVE,
    @XmlEnumValue("terminated") TERMINATED
}
