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
import javax.xml.datatype.XMLGregorianCalendar;

/** The data model's {@code <dm:device>} (RFC 4479 §3.3, §4.2): a device, named by its {@code deviceID} URN. */
@XmlRootElement(name = "device", namespace = Pidf.DATA_MODEL)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "device", namespace = Pidf.DATA_MODEL, propOrder = {"elements", "deviceId", "notes", "timestamp"})
public final class Device {

    @XmlAttribute(required = true)
    private String id;
    @XmlAnyElement(lax = true)
    private List<Object> elements = new ArrayList<>();
    @XmlElement(name = "deviceID", namespace = Pidf.DATA_MODEL, required = true)
    private String deviceId;
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
    Device() {
    }

    public Device(String id, String deviceId) {
        this.id = id;
        this.deviceId = deviceId;
    }

    public String id() {
        return id;
    }

    /** The device's URN (RFC 4479 §3.3), the key devices are merged by. */
    public String deviceId() {
        return deviceId;
    }

    public List<Object> elements() {
        return List.copyOf(elements);
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** This device under another element id, everything else the same. */
    public Device withId(String newId) {
        Device copy = new Device(newId, deviceId);
        copy.elements = new ArrayList<>(elements);
        copy.notes = new ArrayList<>(notes);
        copy.timestamp = timestamp;
        return copy;
    }
}
