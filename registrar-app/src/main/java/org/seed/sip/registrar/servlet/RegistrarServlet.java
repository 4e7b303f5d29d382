package org.seed.sip.registrar.servlet;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.sip.PlatformCapabilities;

/** Adapter between the container and the registrar service: parses, delegates, answers. */
public class RegistrarServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doOptions(SipServletRequest request) throws ServletException, IOException {
        SipServletResponse response = request.createResponse(SipServletResponse.SC_OK);
        response.setHeader("Allow", PlatformCapabilities.allow());
        response.setHeader("Supported", PlatformCapabilities.supported());
        response.setHeader("Accept", PlatformCapabilities.accept());
        response.send();
        request.getApplicationSession().invalidate();
    }
}
