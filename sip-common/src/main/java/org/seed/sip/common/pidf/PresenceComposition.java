package org.seed.sip.common.pidf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.bind.JAXBElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import org.w3c.dom.Element;

/**
 * Composes a presentity's live publications into the one document its watchers get (RFC 3903 §4 leaves the
 * composition policy to the compositor; RFC 4479 §3.4 and its §4 guidance say what keeps the data model's
 * meaning):
 * <ul>
 * <li>every tuple of every publication, newest publication first (RFC 3863 tuples are services; none is
 * dropped), an id already taken renamed {@code id-2}, {@code id-3}... (ids are {@code xs:ID}: unique in the
 * document, persons and devices included);
 * <li>one person (RFC 4479 §3.2: a presentity is one person): for each kind of element (qualified name:
 * {@code rpid:activities}, {@code rpid:mood}...) the newest publication having that kind wins, and kinds
 * only an older publication has are kept; notes and timestamp likewise;
 * <li>devices merged by {@code deviceID} (RFC 4479 §3.3: the same URN is the same device), the newest
 * description winning;
 * <li>notes and any other extension element of every publication kept, newest first, duplicates once.
 * </ul>
 * A presentity without publications is described by its registration: one tuple, open while it has a binding.
 */
public final class PresenceComposition {

    /** The id of the one tuple of a presentity described by its registration alone. */
    public static final String REGISTRATION_TUPLE = "registration";

    private PresenceComposition() {
    }

    /** The registration state as presence: open while {@code registered}, closed otherwise. */
    public static Presence ofRegistration(String entity, boolean registered) {
        return new Presence(entity, List.of(new Tuple(REGISTRATION_TUPLE, registered ? Basic.OPEN : Basic.CLOSED)),
                List.of(), List.of());
    }

    /**
     * The composed document about {@code entity}.
     *
     * @param newestFirst the live publications, most recently published first; none falls back to
     *                    {@link #ofRegistration}
     */
    public static Presence compose(String entity, List<Presence> newestFirst, boolean registered) {
        if (newestFirst.isEmpty()) {
            return ofRegistration(entity, registered);
        }
        Set<String> ids = new HashSet<>();
        List<Tuple> tuples = new ArrayList<>();
        Set<NoteKey> notes = new LinkedHashSet<>();
        List<Object> others = new ArrayList<>();
        Map<String, Device> devices = new LinkedHashMap<>();
        List<Person> persons = new ArrayList<>();
        for (Presence publication : newestFirst) {
            publication.tuples().forEach(tuple -> tuples.add(tuple.withId(unique(tuple.id(), ids))));
            publication.notes().forEach(note -> notes.add(new NoteKey(note.text(), note.lang())));
            for (Object extension : publication.extensions()) {
                if (extension instanceof Person person) {
                    persons.add(person);
                } else if (extension instanceof Device device) {
                    devices.putIfAbsent(device.deviceId(), device);
                } else {
                    others.add(extension);
                }
            }
        }
        List<Object> extensions = new ArrayList<>();
        if (!persons.isEmpty()) {
            extensions.add(mergedPerson(persons, ids));
        }
        devices.values().forEach(device -> extensions.add(device.withId(unique(device.id(), ids))));
        extensions.addAll(others);
        return new Presence(entity, tuples, notes.stream().map(key -> new Note(key.text(), key.lang())).toList(),
                extensions);
    }

    private static Person mergedPerson(List<Person> newestFirst, Set<String> ids) {
        Map<QName, List<Object>> byKind = new LinkedHashMap<>();
        List<Note> notes = List.of();
        XMLGregorianCalendar timestamp = null;
        for (Person person : newestFirst) {
            Map<QName, List<Object>> own = new LinkedHashMap<>();
            person.elements().forEach(element -> own.computeIfAbsent(nameOf(element), name -> new ArrayList<>())
                    .add(element));
            own.forEach(byKind::putIfAbsent);
            if (notes.isEmpty()) {
                notes = person.notes();
            }
            if (timestamp == null) {
                timestamp = person.timestamp();
            }
        }
        List<Object> elements = byKind.values().stream().flatMap(List::stream).toList();
        return new Person(unique(newestFirst.get(0).id(), ids), elements, notes, timestamp);
    }

    /** The qualified name of an element as JAXB hands it over: a DOM element, a JAXBElement or a bound class. */
    private static QName nameOf(Object element) {
        if (element instanceof Element dom) {
            return new QName(dom.getNamespaceURI(), dom.getLocalName());
        }
        if (element instanceof JAXBElement<?> bound) {
            return bound.getName();
        }
        XmlRootElement root = element.getClass().getAnnotation(XmlRootElement.class);
        return new QName(root.namespace(), root.name());
    }

    /** {@code id}, or {@code id-2}, {@code id-3}... the first not taken yet; marked taken. */
    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private record NoteKey(String text, String lang) {
    }
}
