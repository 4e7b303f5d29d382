package org.seed.sip.common.servlet;

import java.io.IOException;

import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.edge.UserDirectory;

/**
 * The server's own edge for a deployment without the edge application (one application's WAR alone): it
 * knows no users (no store there), so it answers as the edge does with every user unknown.
 */
public class UnroutedRequestServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient UnroutedRequests requests;

    @Override
    public void init() {
        requests = UnroutedRequests.start(getServletContext().getContextPath(), PlatformSettings.current(),
                UserDirectory.NOBODY);
    }

    @Override
    public void destroy() {
        requests.stop();
    }

    @Override
    protected void doRequest(SipServletRequest request) throws IOException {
        requests.answer(request);
    }
}
