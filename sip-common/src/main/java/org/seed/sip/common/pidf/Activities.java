package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.bind.Unmarshaller;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAnyAttribute;
import javax.xml.bind.annotation.XmlAnyElement;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.namespace.QName;

import org.w3c.dom.Element;

/**
 * RPID's {@code <rpid:activities>} (RFC 4480 §3.2) of a person: what the person is doing ({@code away},
 * {@code busy}, {@code on-the-phone}...), one empty element each; none at all is what baresip publishes.
 */
@XmlRootElement(name = "activities", namespace = Pidf.RPID)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "activities", namespace = Pidf.RPID, propOrder = {"notes", "values"})
public final class Activities {

    @XmlElement(name = "note", namespace = Pidf.RPID)
    private List<Note> notes = new ArrayList<>();
    /** The activity elements ({@code <rpid:away/>}, {@code <rpid:other>text</rpid:other>}, extensions). */
    @XmlAnyElement
    private List<Element> values = new ArrayList<>();
    @XmlAttribute
    private String id;
    @XmlAttribute
    private String from;
    @XmlAttribute
    private String until;
    @XmlAnyAttribute
    private Map<QName, String> otherAttributes = new HashMap<>();

    /** JAXB's callback: the extension elements just read, tidied for writing. */
    @SuppressWarnings("unused")
    private void afterUnmarshal(Unmarshaller unmarshaller, Object parent) {
        DomElements.tidy(values);
    }

    /** For JAXB. */
    Activities() {
    }

    /** The local names of the activities, in document order, such as {@code away} or {@code on-the-phone}. */
    public List<String> names() {
        return values.stream().map(Element::getLocalName).toList();
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }
}
