/**
 * The reginfo document of the reg event package (RFC 3680 §5), bound to XML with JAXB, and the builder that
 * fills it from bindings and binding changes. Imports no container API.
 */
@XmlSchema(namespace = "urn:ietf:params:xml:ns:reginfo", elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = "urn:ietf:params:xml:ns:reginfo"))
package org.seed.sip.registrar.regevent.reginfo;

import javax.xml.bind.annotation.XmlNs;
import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
