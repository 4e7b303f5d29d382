package org.seed.sip.presence.watch.winfo;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlValue;

/**
 * One watcher (RFC 3858 §4.3): its URI, the id of its subscription, its state and the event that led there
 * (RFC 3857 §3.2).
 */
@XmlAccessorType(XmlAccessType.FIELD)
public final class Watcher {

    @XmlValue
    private String uri;
    @XmlAttribute(required = true)
    private String id;
    /** {@code pending}, {@code active}, {@code waiting} or {@code terminated}. */
    @XmlAttribute(required = true)
    private String status;
    /** {@code subscribe}, {@code approved}, {@code deactivated}, {@code probation}, {@code rejected}, {@code timeout}, {@code giveup} or {@code noresource}. */
    @XmlAttribute(required = true)
    private String event;
    /** Seconds until the subscription expires. */
    @XmlAttribute
    private Long expiration;

    /** For JAXB. */
    Watcher() {
    }

    public Watcher(String uri, String id, String status, String event, Long expiration) {
        this.uri = uri;
        this.id = id;
        this.status = status;
        this.event = event;
        this.expiration = expiration;
    }

    public String uri() {
        return uri;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String event() {
        return event;
    }

    public Long expiration() {
        return expiration;
    }
}
