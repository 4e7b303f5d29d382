package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.bind.Unmarshaller;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAnyElement;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The data model's {@code <dm:person>} (RFC 4479 §3.2, §4.2): the human user, described by characteristic and
 * status elements of other namespaces (RPID's activities, mood...), notes and a timestamp.
 */
@XmlRootElement(name = "person", namespace = Pidf.DATA_MODEL)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "person", namespace = Pidf.DATA_MODEL, propOrder = {"elements", "notes", "timestamp"})
public final class Person {

    @XmlAttribute(required = true)
    private String id;
    @XmlAnyElement(lax = true)
    private List<Object> elements = new ArrayList<>();
    @XmlElement(name = "note", namespace = Pidf.DATA_MODEL)
    private List<Note> notes = new ArrayList<>();
    @XmlElement(namespace = Pidf.DATA_MODEL)
    private XMLGregorianCalendar timestamp;

    /** JAXB's callback: the extension elements just read, tidied for writing. */
    @SuppressWarnings("unused")
    private void afterUnmarshal(Unmarshaller unmarshaller, Object parent) {
        DomElements.tidy(elements);
    }

    /** For JAXB. */
    Person() {
    }

    public Person(String id, List<Object> elements, List<Note> notes, XMLGregorianCalendar timestamp) {
        this.id = id;
        this.elements = new ArrayList<>(elements);
        this.notes = new ArrayList<>(notes);
        this.timestamp = timestamp;
    }

    public String id() {
        return id;
    }

    /** The characteristic and status elements: {@link Activities} and DOM elements of what is not modelled. */
    public List<Object> elements() {
        return List.copyOf(elements);
    }

    /** The RPID activities, if the person has them. */
    public Optional<Activities> activities() {
        return elements.stream().filter(Activities.class::isInstance).map(Activities.class::cast).findFirst();
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** The timestamp, or null. */
    public XMLGregorianCalendar timestamp() {
        return timestamp;
    }
}
