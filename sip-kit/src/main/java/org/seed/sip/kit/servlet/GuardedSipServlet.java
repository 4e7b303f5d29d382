package org.seed.sip.kit.servlet;

import java.io.IOException;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.kit.failure.FailureAnswer;
import org.seed.sip.kit.failure.FailurePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every SIP servlet of the platform: a request whose handling throws is still answered, in one
 * way for all applications (see {@link FailurePolicy}): 503 with Retry-After when the store failed, 500
 * otherwise, each with a fixed reason phrase. Left to itself the container would answer with the
 * exception's text in the reason phrase, or not at all, and the client would retransmit into the same
 * failure until its transaction timed out.
 * <p>
 * One log line per failure: WARN for the store (an operator's matter, no stack trace), ERROR with the stack
 * trace for anything else (a bug).
 */
public abstract class GuardedSipServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSipServlet.class);

    private transient FailurePolicy failures;

    @Override
    public void init(ServletConfig config) throws ServletException {
        failures = FailurePolicy.from(PlatformSettings.current());
        super.init(config);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (RuntimeException | ServletException e) {
            if (request instanceof SipServletRequest sipRequest) {
                failed(sipRequest, e);
            } else {
                LOG.error("handling a {} response failed", ((SipServletResponse) response).getStatus(), e);
            }
        }
    }

    private void failed(SipServletRequest request, Exception failure) throws IOException {
        FailureAnswer answer = failures.answer(failure);
        String what = request.getMethod() + " " + request.getRequestURI() + " from " + request.getInitialRemoteAddr()
                + ":" + request.getInitialRemotePort();
        if (answer.storeFailure()) {
            LOG.warn("store unavailable: {} -> {}: {}", what, answer.status(), failures.describe(failure));
        } else {
            LOG.error("{} -> {}: unexpected failure", what, answer.status(), failure);
        }
        // ACK is never answered (RFC 3261 §17.2.1); a request answered already keeps its answer
        if ("ACK".equals(request.getMethod()) || request.isCommitted()) {
            return;
        }
        SipServletResponse response = request.createResponse(answer.status(), answer.reason());
        answer.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Integer.toString(seconds)));
        response.send();
        endSessionOf(request);
    }

    /**
     * An initial request whose handling failed made nothing that should outlive it: its application session
     * goes now rather than at its timeout. (The application must not end it before the answer is sent:
     * Restcomm drops the transaction with the session, and the request could not be answered at all.)
     */
    private static void endSessionOf(SipServletRequest request) {
        SipApplicationSession session = request.getApplicationSession(false);
        if (request.isInitial() && session != null && session.isValid()) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnding) {
                LOG.debug("application session of a failed {} already ending", request.getMethod());
            }
        }
    }
}
