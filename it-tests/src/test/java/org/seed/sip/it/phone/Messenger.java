package org.seed.sip.it.phone;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A phone that sends and takes instant messages (RFC 3428 MESSAGE), on its own {@link TestPhone}: it answers
 * every MESSAGE that reaches it (200 unless told otherwise, at once unless told to wait) and keeps them, in
 * arrival order, for the test to take.
 */
public final class Messenger implements AutoCloseable {

    /** How the phone answers one MESSAGE: {@code status} after {@code delay}. */
    public record Answer(int status, Duration delay) {

        public static Answer of(int status) {
            return new Answer(status, Duration.ZERO);
        }
    }

    private final TestPhone sip;
    private final String password;
    private final Inbox<Request> received = new Inbox<>();
    private final Queue<Answer> nextAnswers = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private volatile Answer usualAnswer = Answer.of(Response.OK);
    private volatile boolean registered;

    private Messenger(TestPhone sip, String password) {
        this.sip = sip;
        this.password = password;
        sip.extend(new MessageEvents());
    }

    /** A phone of {@code user@domain} talking to the platform at {@code platform} over UDP. */
    public static Messenger open(String user, String domain, String password, InetSocketAddress platform) {
        return new Messenger(TestPhone.open(user, domain, platform), password);
    }

    public TestPhone sip() {
        return sip;
    }

    /** REGISTER of this phone's contact (a refresh when registered already), answering the challenge. */
    public Response register(int expires) {
        Response answer = sip.sendAuthenticated(sip.register(expires), password);
        registered = expires > 0 && answer.getStatusCode() == Response.OK;
        return answer;
    }

    /** A MESSAGE to {@code target} with {@code body} of {@code contentType} (no body when null), not sent yet. */
    public Request message(String target, String contentType, String body) {
        Request message = sip.request(Request.MESSAGE, target, target);
        // RFC 3428 §4: a MESSAGE carries no Contact
        message.removeHeader(ContactHeader.NAME);
        if (body != null) {
            new CallMessages(sip).setBody(message, contentType, body);
        }
        return message;
    }

    /** Sends {@code message}, answering a challenge with this phone's password; the final answer. */
    public Response send(Request message) {
        return sip.sendAuthenticated(message, password);
    }

    public Response send(String target, String contentType, String body) {
        return send(message(target, contentType, body));
    }

    /** How the next MESSAGEs are answered, one each in order; after them, {@link #answerAll}'s. */
    public void answerNext(Answer... answers) {
        nextAnswers.addAll(List.of(answers));
    }

    public void answerAll(Answer answer) {
        usualAnswer = answer;
    }

    /** The next MESSAGE that reached this phone and was not taken yet. */
    public Request awaitMessage() {
        return awaitMessage(TestPhone.ANSWER_TIMEOUT);
    }

    public Request awaitMessage(Duration timeout) {
        return received.take("MESSAGE at " + sip.aor(), request -> true, timeout);
    }

    /** Every MESSAGE that reached this phone, in order. */
    public List<Request> messages() {
        return received.all();
    }

    /** The body of {@code message} as text. */
    public static String text(Request message) {
        return CallMessages.body(message);
    }

    public static String header(javax.sip.message.Message message, String name) {
        return CallMessages.header(message, name);
    }

    @Override
    public void close() {
        later.shutdownNow();
        try {
            if (registered) {
                register(0);
            }
        } finally {
            sip.close();
        }
    }

    private final class MessageEvents implements PhoneExtension {

        @Override
        public boolean handled(RequestEvent event) {
            if (!Request.MESSAGE.equals(event.getRequest().getMethod())) {
                return false;
            }
            ServerTransaction transaction = sip.serverTransaction(event);
            received.add(event.getRequest());
            Answer answer = nextAnswers.poll();
            Answer chosen = answer == null ? usualAnswer : answer;
            Runnable reply = () -> respond(transaction, event.getRequest(), chosen.status());
            if (chosen.delay().isZero()) {
                reply.run();
            } else {
                later.schedule(reply, chosen.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        }

        private void respond(ServerTransaction transaction, Request request, int status) {
            try {
                transaction.sendResponse(sip.messages().createResponse(status, request));
            } catch (Exception e) {
                throw new IllegalStateException("cannot answer MESSAGE with " + status + ": " + e.getMessage(), e);
            }
        }
    }
}
