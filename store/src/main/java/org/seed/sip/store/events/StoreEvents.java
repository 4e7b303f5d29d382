package org.seed.sip.store.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store announces one kind of committed change to every listener in the process, whichever
 * application made it: the store jar is shared by the EAR's applications. Changes are announced after their
 * transaction committed, never for one rolled back, on the thread that made them: be quick. A listener's
 * failure undoes nothing and keeps no other from hearing. Changes made by another node sharing the database
 * are not heard.
 *
 * @param <E> one change
 */
public abstract class StoreEvents<E> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEvents.class);

    private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();
    private final String kind;
    private final Function<E, String> describe;

    /**
     * @param kind     what changes, in log lines ({@code binding})
     * @param describe a change in log lines
     */
    protected StoreEvents(String kind, Function<E, String> describe) {
        this.kind = kind;
        this.describe = describe;
    }

    /** Tells {@code listener} of every change from now on, until the returned handle is closed. */
    public Subscription subscribe(Consumer<? super E> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Ends a listener's subscription (an application stopping). */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {

        @Override
        void close();
    }

    /** Tells every listener of {@code event}, committed. */
    protected final void tell(E event) {
        for (Consumer<? super E> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("{} listener failed on {}: {}", kind, describe.apply(event), e.toString());
            }
        }
    }
}
