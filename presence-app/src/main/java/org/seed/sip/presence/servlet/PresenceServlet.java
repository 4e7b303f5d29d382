package org.seed.sip.presence.servlet;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.sip.Capabilities;
import org.seed.sip.common.sip.PlatformCapabilities;
import org.seed.sip.kit.cdi.Beans;
import org.seed.sip.kit.servlet.GuardedSipServlet;
import org.seed.sip.presence.im.MessageEndpoint;
import org.seed.sip.presence.publish.PublishEndpoint;
import org.seed.sip.presence.watch.WatchEndpoint;

/**
 * Adapter between the container and the three parts of the presence server: publications (RFC 3903),
 * subscriptions to presence and to its watchers (RFC 3856, RFC 3857), and instant messages (RFC 3428).
 */
public class PresenceServlet extends GuardedSipServlet {

    private static final long serialVersionUID = 1L;
    /** RFC 3903 PUBLISH, RFC 6665 SUBSCRIBE/NOTIFY for RFC 3856 presence and RFC 3857 watcher information, RFC 3428. */
    private static final Capabilities SERVED = Capabilities.methods("PUBLISH", "SUBSCRIBE", "MESSAGE")
            .withEventPackages("presence", "presence.winfo");

    private transient PublishEndpoint publications;
    private transient WatchEndpoint watching;
    private transient MessageEndpoint messages;

    @Override
    public void init() throws ServletException {
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        publications = Beans.get(getServletContext(), PublishEndpoint.class);
        watching = Beans.get(getServletContext(), WatchEndpoint.class);
        watching.start(factory);
        messages = Beans.get(getServletContext(), MessageEndpoint.class);
        messages.start(factory);
        PlatformCapabilities.shared().contribute(getServletContext().getContextPath(), SERVED);
    }

    @Override
    public void destroy() {
        PlatformCapabilities.shared().withdraw(getServletContext().getContextPath());
    }

    @Override
    protected void doPublish(SipServletRequest request) throws IOException {
        publications.publish(request);
    }

    @Override
    protected void doSubscribe(SipServletRequest request) throws IOException {
        watching.subscribe(request);
    }

    @Override
    protected void doMessage(SipServletRequest request) throws IOException {
        messages.receive(request);
    }

    @Override
    protected void doResponse(SipServletResponse response) throws IOException {
        switch (response.getMethod()) {
            case "NOTIFY" -> watching.answered(response);
            case "MESSAGE" -> messages.answered(response);
            default -> { }
        }
    }
}
