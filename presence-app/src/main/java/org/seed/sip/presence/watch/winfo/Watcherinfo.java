package org.seed.sip.presence.watch.winfo;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;

/** The {@code <watcherinfo>} document (RFC 3858 §4). */
@XmlRootElement(name = "watcherinfo")
@XmlAccessorType(XmlAccessType.FIELD)
public final class Watcherinfo {

    /** RFC 3858 §3. */
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";

    @XmlElement(name = "watcher-list")
    private List<WatcherList> watcherLists = new ArrayList<>();
    /** RFC 3858 §4.1: 0 in a subscription's first NOTIFY, one more in each next one. */
    @XmlAttribute(required = true)
    private long version;
    /** {@code full} or {@code partial}. */
    @XmlAttribute(required = true)
    private String state;

    /** For JAXB. */
    Watcherinfo() {
    }

    public Watcherinfo(long version, boolean full, WatcherList list) {
        this.version = version;
        this.state = full ? "full" : "partial";
        this.watcherLists = new ArrayList<>(List.of(list));
    }

    public long version() {
        return version;
    }

    public String state() {
        return state;
    }

    public List<WatcherList> watcherLists() {
        return List.copyOf(watcherLists);
    }
}
