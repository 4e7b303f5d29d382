package org.seed.sip.it;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.seed.sip.it.phone.TestPhone;

/**
 * A phone watching a resource with an event package: sends the SUBSCRIBEs of one dialog and reads the
 * NOTIFYs of that dialog, answering each. NOTIFYs of other dialogs (a subscription of an earlier test whose
 * phone had this port) are answered 481, as a phone that knows no such subscription does.
 *
 * @param <N> a NOTIFY as the test reads it
 */
class EventWatcher<N> {

    static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(10);
    /** The registrar's reason phrase when it still holds the dialog of an ended subscription. */
    private static final String APPLICATION_481 = "Subscription Does Not Exist";
    private static final Duration RETRY = Duration.ofMillis(100);

    private final TestPhone phone;
    private final String password;
    private final String event;
    private final String accept;
    private final Function<Request, N> reader;
    private final Set<Long> answered = new HashSet<>();
    private Request dialogSubscribe;
    private Response dialogAnswer;
    private long cseq;

    /**
     * @param event  the Event header of the SUBSCRIBEs
     * @param accept their Accept header
     * @param reader reads a NOTIFY of the dialog
     */
    EventWatcher(TestPhone phone, String password, String event, String accept, Function<Request, N> reader) {
        this.phone = phone;
        this.password = password;
        this.event = event;
        this.accept = accept;
        this.reader = reader;
    }

    /** SUBSCRIBE to {@code aor}, answering the digest challenge; the final answer. */
    Response subscribe(String aor, Integer expires) {
        return subscribe(aor, expires, phone.contactUri());
    }

    /**
     * The same with {@code contact} as the SUBSCRIBE's Contact, the remote target of the NOTIFYs: for a watcher
     * that names an address where it cannot be reached, as a phone behind NAT does.
     */
    Response subscribe(String aor, Integer expires, String contact) {
        Request subscribe = phone.request(Request.SUBSCRIBE, aor, aor);
        phone.setHeader(subscribe, "Contact", "<" + contact + ">");
        phone.setHeader(subscribe, "Event", event);
        phone.setHeader(subscribe, "Accept", accept);
        if (expires != null) {
            phone.setHeader(subscribe, "Expires", expires.toString());
        }
        Response answer = phone.sendAuthenticated(subscribe, password);
        if (answer.getStatusCode() / 100 == 2) {
            dialogSubscribe = subscribe;
            dialogAnswer = answer;
            cseq = sequence(answer);
        }
        return answer;
    }

    /**
     * SUBSCRIBE in the subscription's dialog, with the next CSeq: a refresh, or with 0 an unsubscription. Its
     * 2xx refreshes the remote target (RFC 3261 §12.2.1.2): the next request goes to the Contact it names.
     */
    Response refresh(int expires) {
        Request refresh = phone.inDialog(dialogSubscribe, dialogAnswer);
        try {
            ((CSeqHeader) refresh.getHeader(CSeqHeader.NAME)).setSeqNumber(++cseq);
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        phone.setHeader(refresh, "Expires", Integer.toString(expires));
        Response answer = phone.send(refresh);
        if (answer.getStatusCode() / 100 == 2 && answer.getHeader(ContactHeader.NAME) != null) {
            dialogAnswer = answer;
        }
        return answer;
    }

    /**
     * Refreshes until the container itself answers 481, having no session left for the dialog: the
     * application released it when the subscription ended. Until then the application answers 481; and a
     * refresh that races the release gets Restcomm's 500 ("application session invalidated").
     */
    void awaitDialogReleased() {
        Await.value("dialog released by the application", NOTIFY_TIMEOUT, RETRY, () -> refresh(600), answer -> {
            int status = answer.getStatusCode();
            if (status != Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST && status != Response.SERVER_INTERNAL_ERROR) {
                throw new AssertionError("refresh of an ended subscription answered " + status);
            }
            return status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                    && !APPLICATION_481.equals(answer.getReasonPhrase());
        });
    }

    /** The next NOTIFY of the subscription, answered 200. */
    N awaitNotify() throws InterruptedException {
        return awaitNotify(notify -> true, Response.OK);
    }

    /** The next NOTIFY of the subscription that matches {@code wanted}, answered {@code status}. */
    N awaitNotify(Predicate<N> wanted, int status) throws InterruptedException {
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
            N notify = reader.apply(request);
            boolean match = wanted.test(notify);
            phone.answer(event, match ? status : Response.OK);
            if (match) {
                return notify;
            }
        }
        throw new AssertionError("no matching NOTIFY within " + NOTIFY_TIMEOUT);
    }

    /** Fails if a NOTIFY of the subscription comes within {@code quiet}; NOTIFYs of other dialogs get 481. */
    void assertNoNotifyWithin(Duration quiet) throws InterruptedException {
        Instant deadline = Instant.now().plus(quiet);
        while (Instant.now().isBefore(deadline)) {
            RequestEvent event = phone.nextRequest(Duration.between(Instant.now(), deadline));
            if (event == null) {
                return;
            }
            if (isOfThisDialog(event.getRequest())) {
                phone.answer(event, Response.OK);
                throw new AssertionError("unexpected NOTIFY: " + reader.apply(event.getRequest()));
            }
            phone.answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    private boolean isOfThisDialog(Request request) {
        String callId = ((CallIdHeader) dialogSubscribe.getHeader(CallIdHeader.NAME)).getCallId();
        return Request.NOTIFY.equals(request.getMethod())
                && callId.equals(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
    }

    private static long sequence(Response answer) {
        return ((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }
}
