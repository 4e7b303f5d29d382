package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlEnumValue;

/** RFC 3680 §5.1: what moved a contact into its state, every value the schema allows. */
@XmlEnum
public enum ContactEvent {
    @XmlEnumValue("registered") REGISTERED,
    @XmlEnumValue("created") CREATED,
    @XmlEnumValue("refreshed") REFRESHED,
    @XmlEnumValue("shortened") SHORTENED,
    @XmlEnumValue("expired") EXPIRED,
    @XmlEnumValue("deactivated") DEACTIVATED,
    @XmlEnumValue("probation") PROBATION,
    @XmlEnumValue("unregistered") UNREGISTERED,
    @XmlEnumValue("rejected") REJECTED
}
