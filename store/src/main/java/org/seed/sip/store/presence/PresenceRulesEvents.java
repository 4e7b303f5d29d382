package org.seed.sip.store.presence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store announces every committed change of presence rules, whichever application made it (the
 * console, usually), to every listener in the process: the presence server re-authorizes the presentity's
 * pending and active watchers. The changes of one AOR are announced in commit order, on the thread that
 * made them, after the commit: be quick. Changes made by another node sharing the database are not heard.
 */
public final class PresenceRulesEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceRulesEvents.class);

    private final List<Consumer<PresenceRulesEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Tells {@code listener} of every change from now on, until the returned handle is closed. */
    public Subscription subscribe(Consumer<PresenceRulesEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Ends a listener's subscription (an application stopping). */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {

        @Override
        void close();
    }

    void announce(PresenceRulesEvent event) {
        listeners.forEach(listener -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // the change is committed: a listener's failure undoes nothing and must not keep the others from hearing it
                LOG.warn("presence rules listener failed on {}: {}", event.aor(), e.toString());
            }
        });
    }
}
