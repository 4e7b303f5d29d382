package org.seed.sip.registrar.servlet;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.event.servlet.SipNotifySender;
import org.seed.sip.common.event.servlet.SubscriptionEndpoint;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.Capabilities;
import org.seed.sip.common.sip.PlatformCapabilities;
import org.seed.sip.common.sip.SipsTransport;
import org.seed.sip.kit.cdi.Beans;
import org.seed.sip.kit.servlet.GuardedSipServlet;
import org.seed.sip.registrar.regevent.RegEvent;
import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.rules.RequestedContact;
import org.seed.sip.registrar.service.RegistrarOutcome;
import org.seed.sip.registrar.service.Registrant;
import org.seed.sip.registrar.service.RegistrarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and the registrar: REGISTER to the registrar service, SUBSCRIBE reg and
 * the answers to its NOTIFYs to the reg event notifier. OPTIONS to the platform is the edge's. A store
 * failure is answered by the kit's guard (503 with Retry-After).
 */
public class RegistrarServlet extends GuardedSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarServlet.class);
    /** RFC 3261 §10 REGISTER, RFC 3680 reg event package, RFC 3327 Path. */
    private static final Capabilities SERVED = Capabilities.methods("REGISTER", "SUBSCRIBE")
            .withEventPackages("reg").withExtensions("path");

    private transient RegistrarService registrar;
    private transient SipAuthentication authentication;
    private transient SubscriptionEndpoint regEvent;

    @Override
    public void init() throws ServletException {
        registrar = Beans.get(getServletContext(), RegistrarService.class);
        authentication = Beans.get(getServletContext(), SipAuthentication.class);
        RegEvent regEventPackage = Beans.get(getServletContext(), RegEvent.class);
        SipNotifySender sender = new SipNotifySender((SipFactory) getServletContext().getAttribute(SIP_FACTORY));
        regEventPackage.notifier().start(sender);
        regEvent = new SubscriptionEndpoint(regEventPackage.rules(), regEventPackage.notifier(), sender, authentication);
        PlatformCapabilities.shared().contribute(getServletContext().getContextPath(), SERVED);
    }

    @Override
    public void destroy() {
        PlatformCapabilities.shared().withdraw(getServletContext().getContextPath());
    }

    /** A REGISTER keeps no session; on a failure the kit's guard answers and ends it. */
    @Override
    protected void doRegister(SipServletRequest request) throws IOException {
        RegistrarOutcome outcome = register(request);
        if (outcome != null) {
            answer(request, outcome);
        }
        request.getApplicationSession().invalidate();
    }

    /** The outcome to send, or null when authentication has answered already (challenge or refusal). */
    private RegistrarOutcome register(SipServletRequest request) throws IOException {
        RegisterRequest register;
        try {
            register = RegisterRequestParser.parse(request);
        } catch (MalformedRequestException e) {
            return RegistrarOutcome.refuse(400, e.getMessage());
        }
        Optional<SipsTransport.Refusal> insecure = SipsTransport.checkRegister(request.getRequestURI().toString(),
                register.contacts().stream().map(RequestedContact::uri).toList(), request.getInitialTransport());
        if (insecure.isPresent()) {
            return RegistrarOutcome.refuse(insecure.get().status(), insecure.get().reason());
        }
        if (!registrar.servesDomainOf(register)) {
            return RegistrarOutcome.refuse(403, "Domain Not Served");
        }
        Optional<Authenticated> who = authentication.authenticate(request, register.aor().domain());
        if (who.isEmpty()) {
            LOG.info("REGISTER {} from {}:{} -> challenged or refused", register.aor(), request.getInitialRemoteAddr(),
                    request.getInitialRemotePort());
            return null;
        }
        return registrar.register(register, new Registrant(who.get().username(), who.get().realm(), who.get().admin()));
    }

    private static void answer(SipServletRequest request, RegistrarOutcome outcome) throws IOException {
        SipServletResponse response = request.createResponse(outcome.status(), outcome.reason());
        outcome.headers().forEach(response::setHeader);
        for (RegistrarOutcome.GrantedBinding binding : outcome.bindings()) {
            response.addHeader("Contact", contactHeader(binding));
        }
        for (String path : outcome.path()) {
            response.addHeader("Path", path);
        }
        if (outcome.status() == SipServletResponse.SC_OK) {
            // RFC 3261 §10.3 step 8: a Date header lets phones without a clock set theirs
            response.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        response.send();
        LOG.info("REGISTER {} from {}:{} -> {} ({} bindings)", request.getTo().getURI(), request.getInitialRemoteAddr(),
                request.getInitialRemotePort(), outcome.status(), outcome.bindings().size());
    }

    /** SUBSCRIBE, routed here for its Event header (reg); another package is answered 489. */
    @Override
    protected void doSubscribe(SipServletRequest request) throws IOException {
        regEvent.subscribe(request);
    }

    /** The only requests this application sends are reg event NOTIFYs. */
    @Override
    protected void doResponse(SipServletResponse response) {
        regEvent.answered(response);
    }

    private static String contactHeader(RegistrarOutcome.GrantedBinding binding) {
        StringBuilder header = new StringBuilder("<").append(binding.contactUri()).append(">;expires=")
                .append(binding.expiresIn());
        if (binding.q() != null) {
            header.append(";q=").append(binding.q());
        }
        return header.toString();
    }
}
