package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.rules.FinalResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE with Replaces taking the place of a party of a call (RFC 3891 §3): the other party is re-INVITEd
 * with the new caller's offer (or without one, for a late offer), the new caller gets its answer, and only
 * once that succeeded does the replaced party get BYE; a refusal is relayed and the call stays as it was.
 */
final class Replacing implements TransferStep {

    private static final Logger LOG = LoggerFactory.getLogger(Replacing.class);

    private final Call call;
    private final CallController calls;
    private final SipServletRequest invite;
    private final SipSession replaced;
    private final SipSession other;

    Replacing(Call call, CallController calls, SipServletRequest invite, SipSession replaced, SipSession other) {
        this.call = call;
        this.calls = calls;
        this.invite = invite;
        this.replaced = replaced;
        this.other = other;
    }

    @Override
    public void answered(SipServletResponse response) throws IOException {
        synchronized (call) {
            int status = response.getStatus();
            if (!"INVITE".equals(response.getMethod()) || status < 200 || invite.isCommitted()) {
                return;
            }
            call.invitesOutstanding.remove(other.getId());
            call.transfer = null;
            SipServletResponse answer = status < 300 ? invite.createResponse(status, response.getReasonPhrase())
                    : invite.createResponse(FinalResponses.relayed(status));
            MessageCopy.copy(response, answer);
            if (status >= 300) {
                answer.send();
                LOG.info("call {}: {} could not replace {}: {}", call.id, invite.getFrom().getURI(),
                        replaced.getRemoteParty().getURI(), status);
                return;
            }
            if (MessageCopy.hasBody(invite)) {
                CallController.acknowledge(response, null, call.reachOf(other));
            } else {
                // late offer: the other party's offer goes to the new caller, whose ACK brings the answer
                call.awaitingAck.put(invite.getSession().getId(), response);
            }
            answer.send();
            call.sent(answer);
            call.rejoin(replaced, invite.getSession());
            calls.rejoined(call, invite.getSession());
            Legs.send(replaced.createRequest("BYE"), call.reachOf(replaced));
            LOG.info("call {}: {} replaced {}", call.id, invite.getFrom().getURI(), replaced.getRemoteParty().getURI());
        }
    }
}
