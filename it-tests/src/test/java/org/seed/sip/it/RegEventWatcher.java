package org.seed.sip.it;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import javax.sip.RequestEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.seed.sip.it.phone.TestPhone;

/**
 * A phone watching an AOR with the reg event package: sends the SUBSCRIBEs of one dialog and reads the
 * NOTIFYs of that dialog, answering each. NOTIFYs of other dialogs (a subscription of an earlier test whose
 * phone had this port) are answered 481, as a phone that knows no such subscription does.
 */
final class RegEventWatcher {

    static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(10);

    private final TestPhone phone;
    private final String password;
    private final Set<Long> answered = new HashSet<>();
    private Request lastSubscribe;
    private Response lastAnswer;

    RegEventWatcher(TestPhone phone, String password) {
        this.phone = phone;
        this.password = password;
    }

    /** SUBSCRIBE {@code Event: reg} to {@code aor}, answering the digest challenge; the final answer. */
    Response subscribe(String aor, Integer expires) {
        Request subscribe = phone.request(Request.SUBSCRIBE, aor, aor);
        phone.setHeader(subscribe, "Event", "reg");
        phone.setHeader(subscribe, "Accept", "application/reginfo+xml");
        if (expires != null) {
            phone.setHeader(subscribe, "Expires", expires.toString());
        }
        return remember(subscribe, phone.sendAuthenticated(subscribe, password));
    }

    /** SUBSCRIBE in the subscription's dialog: a refresh, or with 0 an unsubscription. */
    Response refresh(int expires) {
        Request refresh = phone.inDialog(lastSubscribe, lastAnswer);
        phone.setHeader(refresh, "Expires", Integer.toString(expires));
        return remember(refresh, phone.send(refresh));
    }

    /** The next NOTIFY of the subscription, answered 200. */
    ReginfoNotify awaitNotify() throws InterruptedException {
        return awaitNotify(notify -> true, Response.OK);
    }

    /** The next NOTIFY that says something about {@code contactUri}; NOTIFYs before it are answered too. */
    ReginfoNotify awaitNotifyAbout(String contactUri) throws InterruptedException {
        return awaitNotify(notify -> notify.contact(contactUri).isPresent(), Response.OK);
    }

    /** The next NOTIFY of the subscription that matches {@code wanted}, answered {@code status}. */
    ReginfoNotify awaitNotify(Predicate<ReginfoNotify> wanted, int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(NOTIFY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            RequestEvent event = phone.nextRequest(Duration.between(Instant.now(), deadline));
            if (event == null) {
                break;
            }
            Request request = event.getRequest();
            if (!isOfThisDialog(request)) {
                phone.answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                continue;
            }
            long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
            if (!answered.add(cseq)) {
                continue; // a retransmission, arrived before the answer
            }
            ReginfoNotify notify = ReginfoNotify.parse(request);
            boolean match = wanted.test(notify);
            phone.answer(event, match ? status : Response.OK);
            if (match) {
                return notify;
            }
        }
        throw new AssertionError("no matching NOTIFY within " + NOTIFY_TIMEOUT);
    }

    private boolean isOfThisDialog(Request request) {
        String callId = ((CallIdHeader) lastSubscribe.getHeader(CallIdHeader.NAME)).getCallId();
        return Request.NOTIFY.equals(request.getMethod())
                && callId.equals(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
    }

    private Response remember(Request subscribe, Response answer) {
        if (answer.getStatusCode() / 100 == 2) {
            lastSubscribe = subscribe;
            lastAnswer = answer;
        }
        return answer;
    }
}
