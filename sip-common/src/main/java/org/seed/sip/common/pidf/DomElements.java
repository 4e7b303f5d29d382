package org.seed.sip.common.pidf;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Tidies the DOM elements JAXB keeps for unmodelled extensions. JAXB declares every namespace in scope on
 * each such fragment, so written again it would read {@code <rpid:busy xmlns:ext="..."/>}; phones that read
 * presence with patterns (baresip matches {@code <rpid:busy[ \t]*\/>}) would miss it. Elements of the PIDF,
 * data model and RPID namespaces get the prefixes the document root declares ({@code dm}, {@code rpid}, the
 * default for PIDF), and declarations nothing in the fragment uses are dropped.
 */
final class DomElements {

    /** The prefix each known namespace is written with; the document root declares them all. */
    private static final Map<String, String> CANONICAL = Map.of(
            Pidf.NAMESPACE, "", Pidf.DATA_MODEL, "dm", Pidf.RPID, "rpid");

    private DomElements() {
    }

    /** Tidies every DOM element of {@code nodes}; JAXB objects among them are left alone. */
    static void tidy(List<?> nodes) {
        for (Object node : nodes) {
            if (node instanceof Element element) {
                canonicalPrefixes(element);
                Set<String> used = new HashSet<>();
                usedPrefixes(element, used);
                dropDeclarations(element, used);
            }
        }
    }

    private static void canonicalPrefixes(Element element) {
        String canonical = CANONICAL.get(element.getNamespaceURI());
        if (canonical != null) {
            element.setPrefix(canonical.isEmpty() ? null : canonical);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                canonicalPrefixes(childElement);
            }
        }
    }

    private static void usedPrefixes(Element element, Set<String> used) {
        if (!CANONICAL.containsKey(element.getNamespaceURI())) {
            used.add(element.getPrefix() == null ? "" : element.getPrefix());
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getPrefix() != null && !isDeclaration(attribute)) {
                used.add(attribute.getPrefix());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                usedPrefixes(childElement, used);
            }
        }
    }

    /** Removes the declarations of prefixes not in {@code used}, in the whole fragment. */
    private static void dropDeclarations(Element element, Set<String> used) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            if (isDeclaration(attribute)) {
                String prefix = attribute.getPrefix() == null ? "" : attribute.getLocalName();
                if (!used.contains(prefix)) {
                    element.removeAttributeNode(attribute);
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                dropDeclarations(childElement, used);
            }
        }
    }

    private static boolean isDeclaration(Attr attribute) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
    }
}
