/**
 * Presence documents: PIDF (RFC 3863) with the data model's person and device (RFC 4479) and RPID activities
 * (RFC 4480), bound to XML with JAXB; a parser that validates every document against those schemas and
 * refuses DTDs and external entities; and the composition of several publications into one document.
 * Elements this package does not model are kept as DOM elements, so a document read and written again loses
 * nothing. Written with PIDF as the default namespace and the prefixes {@code dm} and {@code rpid}, as phones
 * that read presence with patterns (baresip: {@code <basic>}, {@code <rpid:away/>}) expect.
 */
@XmlSchema(namespace = Pidf.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
        @XmlNs(prefix = "", namespaceURI = Pidf.NAMESPACE),
        @XmlNs(prefix = "dm", namespaceURI = Pidf.DATA_MODEL),
        @XmlNs(prefix = "rpid", namespaceURI = Pidf.RPID)})
package org.seed.sip.common.pidf;

import javax.xml.bind.annotation.XmlNs;
import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
