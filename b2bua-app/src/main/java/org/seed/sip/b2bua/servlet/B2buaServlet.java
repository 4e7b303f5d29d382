package org.seed.sip.b2bua.servlet;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TimerService;
import javax.servlet.sip.URI;

import org.seed.sip.b2bua.call.CallController;
import org.seed.sip.b2bua.call.CallJournal;
import org.seed.sip.b2bua.call.CallRegistry;
import org.seed.sip.b2bua.call.CallsInProgress;
import org.seed.sip.b2bua.call.OptionsRelay;
import org.seed.sip.b2bua.call.Transfers;
import org.seed.sip.b2bua.rules.ReplacesHeader;
import org.seed.sip.b2bua.service.B2buaSettings;
import org.seed.sip.b2bua.service.CallRouter;
import org.seed.sip.b2bua.service.Routing;
import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.servlet.AnsweredRequests;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.Capabilities;
import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.common.sip.PlatformCapabilities;
import org.seed.sip.kit.cdi.Beans;
import org.seed.sip.kit.platform.SharedPlatform;
import org.seed.sip.kit.servlet.GuardedSipServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and the call controller: an INVITE outside a dialog is admitted (no open
 * relay, the caller authenticated when it claims one of our domains), routed, and handed to the
 * {@link CallController}; everything inside a call's dialogs goes to the controller as it comes.
 */
public class B2buaServlet extends GuardedSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(B2buaServlet.class);
    /**
     * RFC 3261 calls, RFC 3311 UPDATE, RFC 6086 INFO, RFC 3262 reliable provisional answers, RFC 4028 session
     * timers, RFC 3515 REFER (the platform sends its NOTIFYs), RFC 3891 Replaces.
     */
    private static final Capabilities SERVED = Capabilities.methods("INVITE", "ACK", "CANCEL", "BYE", "UPDATE", "INFO",
            "PRACK", "REFER").withExtensions("100rel", "timer", "replaces");

    private transient DomainAdmission admission;
    private transient CallRouter router;
    private transient SipAuthentication authentication;
    private transient CallController calls;
    private transient Transfers transfers;
    private transient OptionsRelay options;
    private transient boolean outboundCalls;
    private transient CallsInProgress inProgress;

    @Override
    public void init() throws ServletException {
        B2buaSettings settings = Beans.get(getServletContext(), B2buaSettings.class);
        outboundCalls = settings.outboundCalls();
        admission = Beans.get(getServletContext(), DomainAdmission.class);
        router = Beans.get(getServletContext(), CallRouter.class);
        authentication = Beans.get(getServletContext(), SipAuthentication.class);
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        CallRegistry registry = Beans.get(getServletContext(), CallRegistry.class);
        options = new OptionsRelay(factory);
        calls = new CallController(factory, (TimerService) getServletContext().getAttribute(TIMER_SERVICE), settings,
                Clock.systemUTC(), registry, Beans.get(getServletContext(), CallJournal.class), router);
        inProgress = new CallsInProgress(registry, calls);
        SharedPlatform.process().calls().provide(inProgress);
        transfers = new Transfers(factory, router, admission, registry, outboundCalls, calls);
        PlatformCapabilities.shared().contribute(getServletContext().getContextPath(), SERVED);
    }

    @Override
    public void destroy() {
        SharedPlatform.process().calls().withdraw(inProgress);
        PlatformCapabilities.shared().withdraw(getServletContext().getContextPath());
    }

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        if (!request.isInitial()) {
            calls.relay(request);
            return;
        }
        Optional<Routing> routing = admit(request);
        if (routing.isEmpty() || answeredAtOnce(request, routing.get())) {
            AnsweredRequests.endsWithItsTransaction(request);
            return;
        }
        if (routing.get() instanceof Routing.Replace) {
            transfers.replace(request);
        } else {
            calls.start(request, (Routing.Ring) routing.get(), party(request.getFrom().getURI()),
                    party(request.getRequestURI()));
        }
    }

    /** Where the INVITE goes; empty when it has been answered already (challenged, or refused). */
    private Optional<Routing> admit(SipServletRequest request) throws IOException {
        if (request.getMaxForwards() <= 0) {
            return Optional.of(new Routing.Refuse(SipServletResponse.SC_TOO_MANY_HOPS, "Too Many Hops"));
        }
        URI from = request.getFrom().getURI();
        URI target = request.getRequestURI();
        if (!(from instanceof SipURI callerUri) || !(target instanceof SipURI calleeUri)) {
            return Optional.of(new Routing.Refuse(SipServletResponse.SC_UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme"));
        }
        DomainAdmission.Verdict verdict = admission.admit(callerUri.getHost(), calleeUri.getHost(), calleeUri.getPort());
        if (verdict == DomainAdmission.Verdict.REFUSE) {
            return Optional.of(new Routing.Refuse(SipServletResponse.SC_FORBIDDEN, "Relaying Denied"));
        }
        if (verdict == DomainAdmission.Verdict.AUTHENTICATE_SENDER) {
            if (callerUri.getUser() == null) {
                return Optional.of(new Routing.Refuse(SipServletResponse.SC_FORBIDDEN, "Caller Unknown"));
            }
            Optional<Authenticated> who = authentication.authenticate(request, callerUri.getHost());
            if (who.isEmpty()) {
                LOG.info("{} {} from {}:{} -> challenged or refused", request.getMethod(), target, request.getInitialRemoteAddr(),
                        request.getInitialRemotePort());
                return Optional.empty();
            }
            AddressOfRecord caller = new AddressOfRecord(callerUri.getUser(), callerUri.getHost());
            if (!DomainAdmission.sendsAsItself(caller, who.get().username(), who.get().realm())) {
                return Optional.of(new Routing.Refuse(SipServletResponse.SC_FORBIDDEN, "From Does Not Match Credentials"));
            }
        }
        if ("INVITE".equals(request.getMethod()) && request.getHeader(ReplacesHeader.NAME) != null) {
            // RFC 3891 §3: only an authenticated user of ours may take the place of a party of a call
            return Optional.of(verdict == DomainAdmission.Verdict.AUTHENTICATE_SENDER ? new Routing.Replace()
                    : new Routing.Refuse(SipServletResponse.SC_FORBIDDEN, "Replaces Not Allowed"));
        }
        if (!admission.serves(calleeUri.getHost(), calleeUri.getPort())) {
            // only a call of one of our users, authenticated above, leaves the platform, if the operator allows it
            return Optional.of("INVITE".equals(request.getMethod()) && outboundCalls
                    ? CallRouter.outbound(target.toString())
                    : new Routing.Refuse(SipServletResponse.SC_FORBIDDEN, "Domain Not Served"));
        }
        if (calleeUri.getUser() == null) {
            return Optional.of(new Routing.Refuse(SipServletResponse.SC_NOT_FOUND, "Not Found"));
        }
        return Optional.of(router.toUser(new AddressOfRecord(calleeUri.getUser(), calleeUri.getHost()),
                callerUri.toString()));
    }

    /** A party as its call record names it: the address-of-record ({@code sip:user@domain}) of a SIP URI. */
    private static String party(URI uri) {
        return uri instanceof SipURI sip && sip.getUser() != null
                ? new AddressOfRecord(sip.getUser(), sip.getHost()).toString()
                : uri.toString();
    }

    /** Answers a request routed to a refusal or a redirect; false when it is to be carried further. */
    private static boolean answeredAtOnce(SipServletRequest request, Routing routing) throws IOException {
        if (routing instanceof Routing.Refuse refuse) {
            refuse(request, refuse.status(), refuse.reason());
            return true;
        }
        if (routing instanceof Routing.Redirect redirect) {
            redirect(request, redirect.target());
            return true;
        }
        return false;
    }

    /** A forwarding the callee wants served as a redirect (RFC 3261 §21.3.3): 302 naming the target. */
    private static void redirect(SipServletRequest request, String target) throws IOException {
        SipServletResponse moved = request.createResponse(SipServletResponse.SC_MOVED_TEMPORARILY);
        moved.setHeader("Contact", "<" + target + ">");
        moved.send();
        LOG.info("{} {} from {} -> 302 {}", request.getMethod(), request.getRequestURI(), request.getFrom().getURI(),
                target);
    }

    private static void refuse(SipServletRequest request, int status, String reason) throws IOException {
        request.createResponse(status, reason).send();
        LOG.info("{} {} from {} -> {}", request.getMethod(), request.getRequestURI(), request.getFrom().getURI(), status);
    }

    /**
     * REFER inside a call transfers it (RFC 3515, RFC 3891). REFER outside a dialog (RFC 3515 §2.4.2, asking
     * the platform to place a call on one's behalf) is not served; a stranger's is refused as any request of
     * theirs to another domain.
     */
    @Override
    protected void doRefer(SipServletRequest request) throws IOException {
        if (!request.isInitial()) {
            transfers.refer(request);
            return;
        }
        Optional<Routing> routing = admit(request);
        if (routing.isPresent() && routing.get() instanceof Routing.Refuse refuse) {
            refuse(request, refuse.status(), refuse.reason());
        } else if (routing.isPresent()) {
            refuse(request, SipServletResponse.SC_NOT_IMPLEMENTED, "REFER Outside A Dialog Not Implemented");
        }
    }

    @Override
    protected void doAck(SipServletRequest request) throws IOException {
        calls.acknowledged(request);
    }

    @Override
    protected void doCancel(SipServletRequest request) throws IOException {
        calls.cancelled(request);
    }

    @Override
    protected void doBye(SipServletRequest request) throws IOException {
        if (!transfers.bye(request)) {
            calls.bye(request);
        }
    }

    @Override
    protected void doPrack(SipServletRequest request) throws IOException {
        calls.prack(request);
    }

    @Override
    protected void doUpdate(SipServletRequest request) throws IOException {
        calls.relay(request);
    }

    @Override
    protected void doInfo(SipServletRequest request) throws IOException {
        calls.relay(request);
    }

    @Override
    protected void doMessage(SipServletRequest request) throws IOException {
        calls.relay(request);
    }

    /** OPTIONS to a user (routed here for its user part) asks the user's phone; inside a call, the other party. */
    @Override
    protected void doOptions(SipServletRequest request) throws IOException {
        if (!request.isInitial()) {
            calls.relay(request);
            return;
        }
        Optional<Routing> routing = admit(request);
        if (routing.isPresent() && !answeredAtOnce(request, routing.get())) {
            options.ask(request, (Routing.Ring) routing.get());
        } else {
            AnsweredRequests.endsWithItsTransaction(request);
        }
    }

    @Override
    protected void doResponse(SipServletResponse response) throws IOException {
        if (transfers.answered(response)) {
            return;
        }
        if (OptionsRelay.answers(response)) {
            options.answered(response);
        } else {
            calls.answered(response);
        }
    }
}
