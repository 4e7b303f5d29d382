package org.seed.sip.presence.watch.winfo;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;

/** The watchers of one resource for one package (RFC 3858 §4.2). */
@XmlAccessorType(XmlAccessType.FIELD)
public final class WatcherList {

    @XmlElement(name = "watcher")
    private List<Watcher> watchers = new ArrayList<>();
    @XmlAttribute(required = true)
    private String resource;
    @XmlAttribute(name = "package", required = true)
    private String eventPackage;

    /** For JAXB. */
    WatcherList() {
    }

    public WatcherList(String resource, String eventPackage, List<Watcher> watchers) {
        this.resource = resource;
        this.eventPackage = eventPackage;
        this.watchers = new ArrayList<>(watchers);
    }

    public String resource() {
        return resource;
    }

    public String eventPackage() {
        return eventPackage;
    }

    public List<Watcher> watchers() {
        return List.copyOf(watchers);
    }
}
