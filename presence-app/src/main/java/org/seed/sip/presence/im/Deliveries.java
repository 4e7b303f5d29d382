package org.seed.sip.presence.im;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.servlet.ContactRequests;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.presence.im.rules.Fork;
import org.seed.sip.store.location.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a MESSAGE to every registered contact of its recipient at once ({@link Fork}) and tells what came of
 * it: the first 2xx, every contact failed or the delivery timeout passed, or a 2xx after that.
 */
public final class Deliveries implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final String BRANCH = Deliveries.class.getName() + ".branch";

    /** What a caller does with the outcome; called once each, on a container or timer thread. */
    public interface Outcome {

        /** A phone answered {@code answer} (2xx): the message is delivered. */
        void delivered(SipServletResponse answer) throws IOException;

        /** No phone took it in time. */
        void undelivered() throws IOException;

        /** A phone took it after {@link #undelivered()} was told. */
        void deliveredLate();
    }

    /** Makes the copy of the message for one contact. */
    @FunctionalInterface
    public interface Copy {
        SipServletRequest to(Reach reach) throws ServletException, IOException;
    }

    private final Duration timeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "im-delivery-timeout");
        thread.setDaemon(true);
        return thread;
    });

    public Deliveries(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends a copy to each of {@code contacts} (at least one); {@code outcome} hears the result. */
    public void fork(List<Location> contacts, Copy copy, Outcome outcome) {
        Branches branches = new Branches(new Fork(contacts.size()), outcome);
        timer.schedule(() -> branches.decide(branches.fork.timedOut(), null), timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (Location contact : contacts) {
            try {
                SipServletRequest request = copy.to(contact.reach());
                request.setAttribute(BRANCH, branches);
                ContactRequests.send(request, contact.reach());
            } catch (ServletException | IOException | RuntimeException e) {
                LOG.debug("MESSAGE not sent to {}: {}", contact.contactUri(), e.toString());
                branches.decide(branches.fork.answered(SipServletResponse.SC_SERVICE_UNAVAILABLE), null);
            }
        }
    }

    /** Whether {@code response} answers a copy sent here; final answers decide its fork. */
    public boolean answered(SipServletResponse response) {
        Object branches = response.getRequest().getAttribute(BRANCH);
        if (!(branches instanceof Branches fork)) {
            return false;
        }
        if (response.getStatus() >= 200) {
            fork.decide(fork.fork.answered(response.getStatus()), response);
        }
        return true;
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    /** The copies of one message, their fork and who waits for its outcome. */
    private static final class Branches {

        private final Fork fork;
        private final Outcome outcome;

        Branches(Fork fork, Outcome outcome) {
            this.fork = fork;
            this.outcome = outcome;
        }

        void decide(Fork.Outcome decided, SipServletResponse response) {
            try {
                switch (decided) {
                    case DELIVERED -> outcome.delivered(response);
                    case UNDELIVERED -> outcome.undelivered();
                    case DELIVERED_LATE -> outcome.deliveredLate();
                    case NONE -> { }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("MESSAGE outcome {} not handled: {}", decided, e.toString());
            }
        }
    }
}
