/**
 * The watcher information document (RFC 3858), bound to XML with JAXB: the body of every presence.winfo NOTIFY.
 */
@XmlSchema(namespace = "urn:ietf:params:xml:ns:watcherinfo", elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = "urn:ietf:params:xml:ns:watcherinfo"))
package org.seed.sip.presence.watch.winfo;

import javax.xml.bind.annotation.XmlNs;
import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
