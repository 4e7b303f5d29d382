package org.seed.sip.common.servlet;

import java.io.IOException;

import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet of an application that is deployed and routed but does not serve requests yet: every
 * initial request gets 501 Not Implemented (RFC 3261 §21.5.2) at once instead of timing out.
 */
public class NotImplementedServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotImplementedServlet.class);

    @Override
    protected void doRequest(SipServletRequest request) throws IOException {
        if ("ACK".equals(request.getMethod())) {
            return;
        }
        String application = request.getApplicationSession().getApplicationName();
        LOG.info("{} {} -> 501 ({} does not serve requests yet)", request.getMethod(), request.getRequestURI(),
                application);
        SipServletResponse response = request.createResponse(SipServletResponse.SC_NOT_IMPLEMENTED);
        // RFC 3261 §20.43: 399 is a free-text warning; it tells the operator which application answered
        response.setHeader("Warning", "399 " + request.getLocalAddr() + " \"" + application
                + " does not serve requests yet\"");
        response.send();
        request.getApplicationSession().invalidate();
    }
}
