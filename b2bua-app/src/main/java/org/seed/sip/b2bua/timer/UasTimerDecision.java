package org.seed.sip.b2bua.timer;

import java.util.List;

/** How the B2BUA, as UAS, answers an INVITE or UPDATE as to session timers (RFC 4028 §9). */
public sealed interface UasTimerDecision {

    /**
     * Refuse the request: 422 with Min-SE (RFC 4028 §6), or 400 for a header that does not parse.
     *
     * @param headers to add to the response
     */
    record Reject(int status, String reason, List<TimerHeader> headers) implements UasTimerDecision {

        public Reject {
            headers = List.copyOf(headers);
        }
    }

    /**
     * Go on; when the request is answered 2xx, add {@code headers} to the 2xx and run the leg's timer on
     * {@code terms}.
     */
    record Accept(SessionTerms terms, List<TimerHeader> headers) implements UasTimerDecision {

        public Accept {
            headers = List.copyOf(headers);
        }
    }
}
