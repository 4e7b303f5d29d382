package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlAttribute;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/**
 * A {@code <contact>} of a registration (RFC 3680 §5.1). Optional attributes left null are not written.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = "uri")
public final class Contact {

    @XmlElement(required = true)
    private String uri;
    /** Stable for the binding, so a partial document names the contact a full one listed. */
    @XmlAttribute(required = true)
    private String id;
    @XmlAttribute(required = true)
    private ContactState state;
    @XmlAttribute(required = true)
    private ContactEvent event;
    /** Seconds the binding has left. */
    @XmlAttribute
    private Long expires;
    @XmlAttribute
    private String q;
    @XmlAttribute
    private String callid;
    @XmlAttribute
    private Long cseq;

    /** For JAXB. */
    Contact() {
    }

    Contact(String uri, String id, ContactState state, ContactEvent event, Long expires, Float q, String callId,
            Long cseq) {
        this.uri = uri;
        this.id = id;
        this.state = state;
        this.event = event;
        this.expires = expires;
        this.q = q == null ? null : q.toString();
        this.callid = callId;
        this.cseq = cseq;
    }

    public String uri() {
        return uri;
    }

    public String id() {
        return id;
    }

    public ContactState state() {
        return state;
    }

    public ContactEvent event() {
        return event;
    }

    public Long expires() {
        return expires;
    }

    public String q() {
        return q;
    }

    public String callId() {
        return callid;
    }

    public Long cseq() {
        return cseq;
    }
}
