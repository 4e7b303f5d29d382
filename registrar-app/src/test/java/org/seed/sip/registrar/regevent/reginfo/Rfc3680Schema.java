package org.seed.sip.registrar.regevent.reginfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** The XML schema of RFC 3680 (src/test/resources/rfc3680), loaded offline, to validate documents against. */
final class Rfc3680Schema {

    /** Where reginfo.xsd imports xml:lang from; served from the test resources instead. */
    private static final String W3C_XML_SCHEMA = "http://www.w3.org/2001/03/xml.xsd";
    private static final Schema SCHEMA = load();

    private Rfc3680Schema() {
    }

    /** @throws SAXException naming the first violation of the schema */
    static void validate(byte[] document) throws SAXException {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) ->
                W3C_XML_SCHEMA.equals(systemId) ? input(resource("rfc3680/xml.xsd"), systemId) : null);
        URL xsd = resource("rfc3680/reginfo.xsd");
        try {
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + xsd + ": " + e.getMessage(), e);
        }
    }

    private static LSInput input(URL resource, String systemId) {
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
            LSInput input = ls.createLSInput();
            input.setByteStream(resource.openStream());
            input.setSystemId(systemId);
            return input;
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot open " + resource, e);
        }
    }

    private static URL resource(String name) {
        URL url = Rfc3680Schema.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from the test resources");
        }
        return url;
    }
}
