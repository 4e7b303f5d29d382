package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.Unmarshaller;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAnyElement;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

/** A {@code <tuple>} (RFC 3863 §4.1.2): one service of the presentity, its status and how to reach it. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"status", "extensions", "contact", "notes", "timestamp"})
public final class Tuple {

    @XmlAttribute(required = true)
    private String id;
    @XmlElement(required = true)
    private Status status;
    @XmlAnyElement(lax = true)
    private List<Object> extensions = new ArrayList<>();
    private Contact contact;
    @XmlElement(name = "note")
    private List<Note> notes = new ArrayList<>();
    private XMLGregorianCalendar timestamp;

    /** JAXB's callback: the extension elements just read, tidied for writing. */
    @SuppressWarnings("unused")
    private void afterUnmarshal(Unmarshaller unmarshaller, Object parent) {
        DomElements.tidy(extensions);
    }

    /** For JAXB. */
    Tuple() {
    }

    /** A tuple with a basic status and nothing else. */
    public Tuple(String id, Basic basic) {
        this.id = id;
        this.status = new Status(basic);
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    /** Whether this tuple's basic status is open (RFC 3863 §4.1.4). */
    public boolean isOpen() {
        return status != null && status.basic() == Basic.OPEN;
    }

    /** Elements of other namespaces (RPID, the data model's deviceID, ...): JAXB objects or DOM elements. */
    public List<Object> extensions() {
        return List.copyOf(extensions);
    }

    /** The contact, or null. */
    public Contact contact() {
        return contact;
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** The timestamp, or null. */
    public XMLGregorianCalendar timestamp() {
        return timestamp;
    }

    /** This tuple under another id, everything else the same. */
    public Tuple withId(String newId) {
        Tuple copy = new Tuple();
        copy.id = newId;
        copy.status = status;
        copy.extensions = new ArrayList<>(extensions);
        copy.contact = contact;
        copy.notes = new ArrayList<>(notes);
        copy.timestamp = timestamp;
        return copy;
    }
}
