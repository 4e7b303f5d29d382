package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.b2bua.rules.ForkPlan;
import org.seed.sip.b2bua.service.Routing;
import org.seed.sip.b2bua.service.Target;
import org.seed.sip.common.servlet.AnsweredRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPTIONS to a user (RFC 3261 §11): asked of the user's most preferred phone, whose answer (its Allow,
 * Accept, Supported, any body) goes back unchanged, as the user's own. One phone, not all of them: the
 * capabilities of a user are those of the phone a call would reach first.
 */
public final class OptionsRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OptionsRelay.class);
    private static final String ASKED_FOR = OptionsRelay.class.getName() + ".askedFor";

    private final SipFactory factory;

    public OptionsRelay(SipFactory factory) {
        this.factory = factory;
    }

    public void ask(SipServletRequest options, Routing.Ring ring) throws IOException {
        Target target = ForkPlan.of(ring.targets(), Target::q).next().orElseThrow().get(0);
        SipServletRequest asked;
        try {
            asked = Legs.create(factory, options, "OPTIONS", target);
        } catch (ServletParseException | IllegalArgumentException e) {
            options.createResponse(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE).send();
            return;
        }
        asked.setAttribute(ASKED_FOR, options);
        try {
            Legs.send(asked, target.reach());
        } catch (IOException | IllegalStateException e) {
            LOG.debug("OPTIONS {} not sent to {}: {}", options.getRequestURI(), target.uri(), e.toString());
            options.createResponse(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE).send();
        }
    }

    /** Whether {@code response} answers an OPTIONS this relay sent. */
    public static boolean answers(SipServletResponse response) {
        return response.getRequest().getAttribute(ASKED_FOR) != null;
    }

    public void answered(SipServletResponse response) throws IOException {
        if (response.getStatus() < 200) {
            return;
        }
        SipServletRequest options = (SipServletRequest) response.getRequest().getAttribute(ASKED_FOR);
        int status = response.getStatus() == SipServletResponse.SC_REQUEST_TIMEOUT
                ? SipServletResponse.SC_TEMPORARILY_UNAVAILABLE : response.getStatus();
        SipServletResponse answer = status == response.getStatus()
                ? options.createResponse(status, response.getReasonPhrase()) : options.createResponse(status);
        MessageCopy.copy(response, answer);
        answer.send();
        AnsweredRequests.endsWithItsTransaction(options);
        LOG.info("OPTIONS {} from {} -> {}", options.getRequestURI(), options.getFrom().getURI(), status);
    }
}
