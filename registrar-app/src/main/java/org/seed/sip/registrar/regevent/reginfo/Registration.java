package org.seed.sip.registrar.regevent.reginfo;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A {@code <registration>}: one AOR and its contacts (RFC 3680 §5.1). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = "contacts")
public final class Registration {

    @XmlElement(name = "contact")
    private List<Contact> contacts = new ArrayList<>();
    @XmlAttribute(required = true)
    private String aor;
    /** Stable for the AOR, so a subscriber can match registrations across documents. */
    @XmlAttribute(required = true)
    private String id;
    @XmlAttribute(required = true)
    private RegistrationState state;

    /** For JAXB. */
    Registration() {
    }

    public Registration(String aor, String id, RegistrationState state, List<Contact> contacts) {
        this.aor = aor;
        this.id = id;
        this.state = state;
        this.contacts = new ArrayList<>(contacts);
    }

    public String aor() {
        return aor;
    }

    public String id() {
        return id;
    }

    public RegistrationState state() {
        return state;
    }

    public List<Contact> contacts() {
        return List.copyOf(contacts);
    }
}
