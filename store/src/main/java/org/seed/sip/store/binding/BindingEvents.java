package org.seed.sip.store.binding;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store announces every change of bindings, whichever application made it: the store jar is shared
 * by the EAR's applications, so a registration, an expiry purge and a removal from the console all reach
 * every listener (reg-event subscriptions of the registrar, presence...). Changes are announced after their
 * transaction committed, never for one rolled back.
 */
public final class BindingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(BindingEvents.class);

    private final List<BindingListener> listeners = new CopyOnWriteArrayList<>();

    /** Tells {@code listener} of every change from now on, until the returned handle is closed. */
    public Subscription subscribe(BindingListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Ends a listener's subscription (an application stopping). */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {

        @Override
        void close();
    }

    void announce(List<BindingEvent> events) {
        for (BindingEvent event : events) {
            for (BindingListener listener : listeners) {
                try {
                    listener.bindingsChanged(event);
                } catch (RuntimeException e) {
                    // one listener's failure must neither undo the committed change nor starve the others
                    LOG.warn("binding listener failed on {} of {}: {}", event.cause(), event.aor(), e.toString());
                }
            }
        }
    }
}
