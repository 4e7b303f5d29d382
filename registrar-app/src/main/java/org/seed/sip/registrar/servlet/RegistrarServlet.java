package org.seed.sip.registrar.servlet;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.PlatformCapabilities;
import org.seed.sip.kit.cdi.Beans;
import org.seed.sip.kit.servlet.GuardedSipServlet;
import org.seed.sip.registrar.regevent.RegEventNotifier;
import org.seed.sip.registrar.regevent.SubscriptionAccess;
import org.seed.sip.registrar.regevent.rules.SubscriptionRules;
import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.service.RegistrarOutcome;
import org.seed.sip.registrar.service.Registrant;
import org.seed.sip.registrar.service.RegistrarService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and the registrar: REGISTER to the registrar service, SUBSCRIBE reg and
 * the answers to its NOTIFYs to the reg event notifier, OPTIONS answered here. A store failure is
 * answered by the kit's guard (503 with Retry-After).
 */
public class RegistrarServlet extends GuardedSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarServlet.class);

    private transient RegistrarService registrar;
    private transient SipAuthentication authentication;
    private transient RegEventSubscriptions regEvent;

    @Override
    public void init() throws ServletException {
        registrar = Beans.get(getServletContext(), RegistrarService.class);
        authentication = Beans.get(getServletContext(), SipAuthentication.class);
        regEvent = new RegEventSubscriptions(Beans.get(getServletContext(), SubscriptionRules.class),
                Beans.get(getServletContext(), SubscriptionAccess.class),
                Beans.get(getServletContext(), RegEventNotifier.class), authentication);
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
        regEvent.notifyAnswered(response);
    }

    @Override
    protected void doOptions(SipServletRequest request) throws IOException {
        SipServletResponse response = request.createResponse(SipServletResponse.SC_OK);
        response.setHeader("Allow", PlatformCapabilities.allow());
        response.setHeader("Supported", PlatformCapabilities.supported());
        response.setHeader("Accept", PlatformCapabilities.accept());
        response.setHeader("Allow-Events", PlatformCapabilities.allowEvents());
        response.send();
        request.getApplicationSession().invalidate();
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
