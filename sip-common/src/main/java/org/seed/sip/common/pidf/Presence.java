package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.Unmarshaller;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAnyElement;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/**
 * A PIDF document, {@code <presence entity="...">} (RFC 3863 §4.1.1): tuples, notes, then elements of other
 * namespaces, among them the data model's {@link Person} and {@link Device} (RFC 4479 §4.2) and, as DOM
 * elements, whatever this package does not model.
 */
@XmlRootElement(name = "presence")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"tuples", "notes", "extensions"})
public final class Presence {

    @XmlAttribute(required = true)
    private String entity;
    @XmlElement(name = "tuple")
    private List<Tuple> tuples = new ArrayList<>();
    @XmlElement(name = "note")
    private List<Note> notes = new ArrayList<>();
    @XmlAnyElement(lax = true)
    private List<Object> extensions = new ArrayList<>();

    /** JAXB's callback: the extension elements just read, tidied for writing. */
    @SuppressWarnings("unused")
    private void afterUnmarshal(Unmarshaller unmarshaller, Object parent) {
        DomElements.tidy(extensions);
    }

    /** For JAXB. */
    Presence() {
    }

    public Presence(String entity, List<Tuple> tuples, List<Note> notes, List<Object> extensions) {
        this.entity = entity;
        this.tuples = new ArrayList<>(tuples);
        this.notes = new ArrayList<>(notes);
        this.extensions = new ArrayList<>(extensions);
    }

    /** The presentity's URI (a {@code pres:} or {@code sip:} URI). */
    public String entity() {
        return entity;
    }

    public List<Tuple> tuples() {
        return List.copyOf(tuples);
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** Every element after the notes: persons, devices, and DOM elements of unmodelled extensions. */
    public List<Object> extensions() {
        return List.copyOf(extensions);
    }

    public List<Person> persons() {
        return extensions.stream().filter(Person.class::isInstance).map(Person.class::cast).toList();
    }

    public List<Device> devices() {
        return extensions.stream().filter(Device.class::isInstance).map(Device.class::cast).toList();
    }

    /** {@link Basic#OPEN} when any tuple is open, else {@link Basic#CLOSED}. */
    public Basic basic() {
        return tuples.stream().anyMatch(Tuple::isOpen) ? Basic.OPEN : Basic.CLOSED;
    }
}
