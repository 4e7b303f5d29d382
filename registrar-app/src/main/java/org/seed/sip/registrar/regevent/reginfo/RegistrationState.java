package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;

/** RFC 3680 §5.1: an AOR without contacts (init), with some (active), or that has just lost its last one. */
@XmlEnum
public enum RegistrationState {
    @XmlEnumValue("init") INIT,
    @XmlEnumValue("active") ACTIVE,
    @XmlEnumValue("terminated") TERMINATED
}
