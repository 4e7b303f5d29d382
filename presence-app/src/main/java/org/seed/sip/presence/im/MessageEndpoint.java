package org.seed.sip.presence.im;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.servlet.AnsweredRequests;
import org.seed.sip.common.servlet.ContactRequests;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.presence.im.rules.IncomingMessage;
import org.seed.sip.presence.im.rules.MessageAdmission;
import org.seed.sip.presence.im.rules.OfflinePolicy;
import org.seed.sip.presence.im.rules.SenderRates;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.location.Location;
import org.seed.sip.store.location.LocationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE (RFC 3428) to the users of our domains, delivered at once to every phone of the user or kept until
 * they register ({@link OfflineQueue}). Admission ({@link MessageAdmission}), the sender's rate
 * ({@link SenderRates}) and the fork's outcome are decided by the rules; this adapts the container to them.
 */
public final class MessageEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(MessageEndpoint.class);

    private final MessageAdmission admission;
    private final SipAuthentication authentication;
    private final SenderRates rates;
    private final AccountRepository accounts;
    private final LocationService locations;
    private final Deliveries deliveries;
    private final OfflineQueue offline;
    private volatile MessageCopies copies;

    public MessageEndpoint(MessageAdmission admission, SipAuthentication authentication, SenderRates rates,
            AccountRepository accounts, LocationService locations, Deliveries deliveries, OfflineQueue offline) {
        this.admission = admission;
        this.authentication = authentication;
        this.rates = rates;
        this.accounts = accounts;
        this.locations = locations;
        this.deliveries = deliveries;
        this.offline = offline;
    }

    public void start(SipFactory factory) {
        ContactRequests.messagesWithoutContact();
        copies = new MessageCopies(factory);
        offline.sendWith(copies);
    }

    public void receive(SipServletRequest request) throws IOException {
        IncomingMessage message = incoming(request);
        MessageAdmission.Decision decision = admission.admit(message);
        if (decision instanceof MessageAdmission.Refuse refuse) {
            answer(request, refuse.status(), refuse.reason(), "refused");
            return;
        }
        String sender = request.getInitialRemoteAddr();
        if (decision instanceof MessageAdmission.Authenticate) {
            Optional<Authenticated> who = authentication.authenticate(request, message.senderHost());
            if (who.isEmpty()) {
                LOG.info("MESSAGE {} from {} -> challenged or refused", request.getRequestURI(), request.getFrom().getURI());
                AnsweredRequests.endsWithItsTransaction(request);
                return;
            }
            if (!DomainAdmission.sendsAsItself(new AddressOfRecord(message.senderUser(), message.senderHost()),
                    who.get().username(), who.get().realm())) {
                answer(request, SipServletResponse.SC_FORBIDDEN, "From Does Not Match Credentials", "refused");
                return;
            }
            sender = who.get().username() + "@" + who.get().realm();
        }
        OptionalLong retryAfter = rates.take(sender, System.nanoTime());
        if (retryAfter.isPresent()) {
            SipServletResponse busy = request.createResponse(SipServletResponse.SC_SERVICE_UNAVAILABLE, "Sender Over Its Rate");
            busy.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
            busy.send();
            AnsweredRequests.endsWithItsTransaction(request);
            LOG.info("MESSAGE {} from {} -> 503 (rate of {})", request.getRequestURI(), request.getFrom().getURI(), sender);
            return;
        }
        AddressOfRecord recipient = new AddressOfRecord(message.targetUser(), message.targetHost());
        Optional<Account> account = accounts.find(recipient.user(), recipient.domain());
        if (account.isEmpty() || !account.get().isEnabled()) {
            answer(request, SipServletResponse.SC_NOT_FOUND, "Not Found", "no such user");
            return;
        }
        List<Location> contacts = locations.lookup(recipient.toString());
        if (contacts.isEmpty()) {
            keep(request, recipient, "no binding");
            return;
        }
        if (offline.hasWaiting(recipient)) {
            // older messages wait for a phone that failed them: this one goes behind them, all of them now, so the
            // user reads the conversation in the order it was written
            keep(request, recipient, "behind kept ones");
            offline.deliverNow(recipient);
            return;
        }
        deliver(request, recipient, contacts);
    }

    private void deliver(SipServletRequest request, AddressOfRecord recipient, List<Location> contacts) {
        AtomicLong keptId = new AtomicLong();
        AtomicBoolean takenLate = new AtomicBoolean();
        deliveries.fork(contacts, reach -> copies.forwarded(request, reach), new Deliveries.Outcome() {
            @Override
            public void delivered(SipServletResponse answer) throws IOException {
                // RFC 3428 §7: the phone's 2xx (200, or 202 from a phone that stores) is the sender's answer, no body
                answer(request, answer.getStatus(), answer.getReasonPhrase(), contacts.size() + " contact(s)");
            }

            @Override
            public void undelivered() throws IOException {
                keptId.set(keep(request, recipient, "no phone of " + contacts.size() + " took it"));
                if (takenLate.get()) {
                    offline.deliveredLate(keptId.get());
                }
            }

            @Override
            public void deliveredLate() {
                takenLate.set(true);
                if (keptId.get() != 0) {
                    offline.deliveredLate(keptId.get());
                }
            }
        });
    }

    /** Keeps the message for later and answers by what the store did; the id kept, or 0. */
    private long keep(SipServletRequest request, AddressOfRecord recipient, String why) throws IOException {
        byte[] body = request.getRawContent();
        OfflineQueue.Kept kept = offline.keep(recipient, MessageCopies.withoutTag(request.getFrom()),
                MessageCopies.withoutTag(request.getTo()), body == null || body.length == 0 ? null : request.getContentType(), body);
        OfflinePolicy.Answer answer = OfflinePolicy.answer(kept.result());
        answer(request, answer.status(), answer.reason(),
                kept.result() == OfflinePolicy.Kept.STORED ? why + ", kept #" + kept.id() : why + ", not kept");
        return kept.id();
    }

    public void answered(SipServletResponse response) {
        deliveries.answered(response);
    }

    private static void answer(SipServletRequest request, int status, String reason, String why) throws IOException {
        request.createResponse(status, reason).send();
        AnsweredRequests.endsWithItsTransaction(request);
        LOG.info("MESSAGE {} from {} -> {} ({})", request.getRequestURI(), request.getFrom().getURI(), status, why);
    }

    /** An answered MESSAGE keeps its application session a minute (late 2xx of its copies), not three. */
    private static IncomingMessage incoming(SipServletRequest request) throws IOException {
        SipURI from = request.getFrom().getURI() instanceof SipURI uri ? uri : null;
        SipURI target = request.getRequestURI() instanceof SipURI uri ? uri : null;
        byte[] body = request.getRawContent();
        return new IncomingMessage(request.isInitial(), request.getTo().getParameter("tag") != null,
                request.getMaxForwards(), body == null ? 0 : body.length, request.getContentType(),
                from == null ? null : from.getUser(), from == null ? null : from.getHost(),
                target == null ? null : target.getUser(), target == null ? null : target.getHost(),
                target == null ? -1 : target.getPort());
    }
}
