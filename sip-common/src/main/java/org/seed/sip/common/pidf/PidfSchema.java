package org.seed.sip.common.pidf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The schemas of RFC 3863 (PIDF), RFC 4479 (data model) and RFC 4480 (RPID), loaded once from this jar and
 * never from the network: every import and include, {@code http://www.w3.org/2001/xml.xsd} included, is
 * answered from the copies next to this class.
 */
final class PidfSchema {

    private static final List<String> SCHEMAS = List.of("pidf.xsd", "data-model.xsd", "rpid.xsd");
    private static final List<String> INCLUDED = List.of("common-schema.xsd", "xml.xsd");

    private final Schema schema;
    private final ThreadLocal<Validator> validators;

    PidfSchema() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> local(systemId));
            Source[] sources = SCHEMAS.stream().map(name -> {
                URL url = resource(name);
                return new StreamSource(open(url), url.toExternalForm());
            }).toArray(Source[]::new);
            schema = factory.newSchema(sources);
            validators = ThreadLocal.withInitial(() -> restricted(schema.newValidator()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the PIDF schemas: " + e.getMessage(), e);
        }
    }

    /**
     * This thread's validator (validators are not thread-safe; building one per PUBLISH cost more than the
     * validation), reading nothing external. It keeps no state from one document to the next.
     */
    Validator validator() {
        return validators.get();
    }

    private static Validator restricted(Validator validator) {
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the XML validator cannot be restricted: " + e.getMessage(), e);
        }
        return validator;
    }

    private static LSInput local(String systemId) {
        String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
        if (!INCLUDED.contains(name) && !SCHEMAS.contains(name)) {
            throw new IllegalStateException("the PIDF schemas refer to an unknown document " + systemId);
        }
        try {
            LSInput input = ((DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation()).createLSInput();
            input.setByteStream(open(resource(name)));
            input.setSystemId(systemId);
            return input;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(URL url) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static URL resource(String name) {
        URL url = PidfSchema.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing next to " + PidfSchema.class.getName());
        }
        return url;
    }
}
