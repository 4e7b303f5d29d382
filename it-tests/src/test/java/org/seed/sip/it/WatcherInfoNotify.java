package org.seed.sip.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.sip.message.Request;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A presence.winfo NOTIFY as a presentity reads it: its watcherinfo document (RFC 3858), parsed with DOM. */
final class WatcherInfoNotify extends EventNotify {

    static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";

    /** One {@code <watcher>} of the document. */
    record Watcher(String uri, String id, String status, String event) {
    }

    private final Element watcherinfo;

    private WatcherInfoNotify(Request request, Element watcherinfo) {
        super(request);
        this.watcherinfo = watcherinfo;
    }

    static WatcherInfoNotify parse(Request notify) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(notify.getRawContent()))
                    .getDocumentElement();
            if (!NAMESPACE.equals(root.getNamespaceURI()) || !"watcherinfo".equals(root.getLocalName())) {
                throw new AssertionError("not a watcherinfo document: " + new String(notify.getRawContent()));
            }
            return new WatcherInfoNotify(notify, root);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("NOTIFY body is not XML: " + e.getMessage(), e);
        }
    }

    long version() {
        return Long.parseLong(watcherinfo.getAttribute("version"));
    }

    /** full or partial. */
    String documentState() {
        return watcherinfo.getAttribute("state");
    }

    /** The resource and package of its one watcher list, as {@code resource package}. */
    String watcherList() {
        Element list = (Element) watcherinfo.getElementsByTagNameNS(NAMESPACE, "watcher-list").item(0);
        return list.getAttribute("resource") + " " + list.getAttribute("package");
    }

    List<Watcher> watchers() {
        NodeList nodes = watcherinfo.getElementsByTagNameNS(NAMESPACE, "watcher");
        List<Watcher> watchers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element watcher = (Element) nodes.item(i);
            watchers.add(new Watcher(watcher.getTextContent().trim(), watcher.getAttribute("id"),
                    watcher.getAttribute("status"), watcher.getAttribute("event")));
        }
        return watchers;
    }
}
