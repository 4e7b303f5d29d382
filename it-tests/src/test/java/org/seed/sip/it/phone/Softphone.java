package org.seed.sip.it.phone;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.sip.Dialog;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.seed.sip.it.net.FreePorts;

/**
 * A phone that makes and takes calls, for the B2BUA's tests: a {@link TestPhone} (its own JAIN-SIP stack on
 * its own loopback port, so several phones of one user have distinct contacts) with the calls on top. Each
 * call keeps its own dialog, so legs of several calls, or forks of one, never mix.
 *
 * <pre>
 *   try (Softphone alice = Softphone.open("alice", "127.0.0.1", DEMO_PASSWORD, platform.sipAddress());
 *        Softphone bob = Softphone.open("bob", "127.0.0.1", DEMO_PASSWORD, platform.sipAddress())) {
 *       bob.register();
 *       OutgoingCall call = alice.call(bob.aor(), alice.media().offer());
 *       IncomingCall ringing = bob.awaitCall();
 *       ringing.ring();
 *       call.awaitProvisional(180);
 *       ringing.answer(bob.media().answer(ringing.sdp()));
 *       call.awaitFinal();
 *       call.ack();
 *       ringing.awaitAck();
 *       call.bye();
 *   }
 * </pre>
 */
public final class Softphone implements AutoCloseable {

    private final TestPhone sip;
    private final String password;
    private final CallMessages messages;
    private final Sdp media = Sdp.audio(FreePorts.udpAndTcp());
    private final Inbox<IncomingCall> incoming = new Inbox<>();
    private final Inbox<ReceivedRequest> options = new Inbox<>();
    private final Map<String, OutgoingCall> placed = new ConcurrentHashMap<>();
    private final ExecutorService reactions = Executors.newSingleThreadExecutor();
    private final AtomicReference<Throwable> reactionFailure = new AtomicReference<>();
    private volatile Consumer<IncomingCall> whenCalled = call -> { };
    private volatile boolean autoPrack = true;

    private Softphone(TestPhone sip, String password) {
        this.sip = sip;
        this.password = password;
        this.messages = new CallMessages(sip);
        sip.extend(new CallEvents());
    }

    /** A phone of {@code user@domain} registering with, and calling through, the platform at {@code platform} over UDP. */
    public static Softphone open(String user, String domain, String password, InetSocketAddress platform) {
        return open(user, domain, password, platform, ListeningPoint.UDP);
    }

    public static Softphone open(String user, String domain, String password, InetSocketAddress platform,
            String transport) {
        return new Softphone(TestPhone.open(user, domain, platform, transport), password);
    }

    /**
     * A phone with no platform behind it: it calls other phones at their {@link #contactUri()}, and answers a
     * challenge of theirs with {@code password}.
     */
    public static Softphone direct(String user, String password, String transport) {
        return new Softphone(TestPhone.open(user, "127.0.0.1", null, transport), password);
    }

    /** The plain test phone underneath, for requests outside calls (OPTIONS, SUBSCRIBE...). */
    public TestPhone sip() {
        return sip;
    }

    public String aor() {
        return sip.aor();
    }

    public String contactUri() {
        return sip.contactUri();
    }

    /** This phone's audio session: its offers and answers. */
    public Sdp media() {
        return media;
    }

    /** REGISTER of this phone's contact for an hour, answering the digest challenge. */
    public Response register() {
        return register(3600);
    }

    public Response register(int expires) {
        return sip.sendAuthenticated(sip.register(expires), password);
    }

    /** REGISTER with a q value on the contact (RFC 3261 §10.2.1.2), for forking order. */
    public Response register(int expires, double q) {
        Request register = sip.register(expires);
        sip.setHeader(register, "Contact", "<" + contactUri() + ">;q=" + q);
        return sip.sendAuthenticated(register, password);
    }

    /**
     * Calls {@code targetUri} with {@code sdpOrNull} as the offer (null: a late offer, answered in the ACK) and
     * {@code headers} as {@code "Name: value"}; the INVITE is on its way when this returns.
     */
    public OutgoingCall call(String targetUri, String sdpOrNull, String... headers) {
        Request invite = sip.request(Request.INVITE, targetUri, targetUri);
        messages.allow(invite);
        messages.addHeaders(invite, headers);
        messages.setSdp(invite, sdpOrNull);
        OutgoingCall call = new OutgoingCall(this, invite);
        placed.put(((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(), call);
        return call;
    }

    /**
     * The next OPTIONS outside calls not awaited yet (RFC 3261 §11: the phone answered it 200 with Allow and
     * Accept). Other requests outside calls go to {@code sip().nextRequest(timeout)}.
     */
    public ReceivedRequest awaitOptions() {
        return options.take("OPTIONS", request -> true, TestPhone.ANSWER_TIMEOUT);
    }

    /** The next call that reached this phone and was not awaited yet. */
    public IncomingCall awaitCall() {
        return awaitCall(TestPhone.ANSWER_TIMEOUT);
    }

    public IncomingCall awaitCall(Duration timeout) {
        return incoming.take("incoming call", call -> true, timeout);
    }

    /** Every call that reached this phone, in order. */
    public List<IncomingCall> incomingCalls() {
        return incoming.all();
    }

    /**
     * What the phone does by itself with each call as it arrives, on a thread of its own (so the reaction may
     * wait): e.g. {@code IncomingCall::ring} for a phone that rings and is never answered. The calls still
     * come to {@link #awaitCall}. A reaction that throws fails {@link #close()}.
     */
    public void whenCalled(Consumer<IncomingCall> reaction) {
        whenCalled = reaction;
    }

    /** Whether a reliable provisional response (RFC 3262) gets its PRACK at once; on by default. */
    public void autoPrack(boolean on) {
        autoPrack = on;
    }

    boolean autoPrack() {
        return autoPrack;
    }

    String password() {
        return password;
    }

    CallMessages messages() {
        return messages;
    }

    @Override
    public void close() {
        reactions.shutdownNow();
        sip.close();
        Throwable failure = reactionFailure.get();
        if (failure != null) {
            throw new AssertionError("a whenCalled reaction of " + aor() + " failed: " + failure, failure);
        }
    }

    /** Routes the stack's events to the call whose dialog they belong to; new INVITEs become calls. */
    private final class CallEvents implements PhoneExtension {

        @Override
        public boolean handled(RequestEvent event) {
            Call call = callOf(event.getDialog());
            if (call != null) {
                call.received(event);
                return true;
            }
            Request request = event.getRequest();
            boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
            if (inDialog && !Request.ACK.equals(request.getMethod()) && !Request.NOTIFY.equals(request.getMethod())) {
                // RFC 3261 §12.2.2: no such dialog here (a NOTIFY may be for a subscription of the plain phone's)
                sip.answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return true;
            }
            if (Request.OPTIONS.equals(request.getMethod())) {
                ReceivedRequest asked = new ReceivedRequest(event, sip.serverTransaction(event), messages);
                asked.respond(Response.OK, null);
                options.add(asked);
                return true;
            }
            if (Request.INVITE.equals(request.getMethod()) && !inDialog) {
                IncomingCall arrived = new IncomingCall(Softphone.this, event);
                incoming.add(arrived);
                Consumer<IncomingCall> reaction = whenCalled;
                reactions.execute(() -> {
                    try {
                        reaction.accept(arrived);
                    } catch (RuntimeException | Error e) {
                        reactionFailure.compareAndSet(null, e);
                    }
                });
                return true;
            }
            return false;
        }

        @Override
        public void strayResponse(ResponseEvent event) {
            // by Call-ID: a 2xx of a fork this phone never saw has no dialog of its own
            OutgoingCall call = placed.get(((CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME)).getCallId());
            if (call != null) {
                call.stray(event.getResponse());
            }
        }

        private Call callOf(Dialog dialog) {
            return dialog != null && dialog.getApplicationData() instanceof Call call ? call : null;
        }
    }
}
