package org.seed.sip.registrar.regevent.reginfo;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** The {@code <reginfo>} document (RFC 3680 §5.1), body of every reg event NOTIFY. */
@XmlRootElement(name = "reginfo")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = "registrations")
public final class Reginfo {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:reginfo";
    /** RFC 3680 §4.5: the body type of the package. */
    public static final String CONTENT_TYPE = "application/reginfo+xml";

    @XmlElement(name = "registration")
    private List<Registration> registrations = new ArrayList<>();
    /** RFC 3680 §5.1: 0 in a subscription's first NOTIFY, one more in each next one. */
    @XmlAttribute(required = true)
    private long version;
    @XmlAttribute(required = true)
    private DocumentState state;

    /** For JAXB. */
    Reginfo() {
    }

    public Reginfo(long version, DocumentState state, List<Registration> registrations) {
        this.version = version;
        this.state = state;
        this.registrations = new ArrayList<>(registrations);
    }

    public long version() {
        return version;
    }

    public DocumentState state() {
        return state;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }
}
