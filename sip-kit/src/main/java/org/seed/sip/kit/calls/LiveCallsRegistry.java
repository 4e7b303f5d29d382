package org.seed.sip.kit.calls;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the application that carries calls offers its {@link LiveCalls} to the others of the process (the
 * console) while it runs. Applications are separate web modules with class loaders of their own; this
 * registry lives in the kit in the EAR's {@code lib/}, which all of them share.
 */
public final class LiveCallsRegistry {

    private final AtomicReference<LiveCalls> provided = new AtomicReference<>(LiveCalls.NONE);

    /** Offers {@code calls} from now on, in place of any offered before. */
    public void provide(LiveCalls calls) {
        provided.set(Objects.requireNonNull(calls, "calls"));
    }

    /**
     * Withdraws {@code calls} if they are what is offered (an application stopping withdraws only its own);
     * {@link LiveCalls#NONE} is offered afterwards.
     */
    public void withdraw(LiveCalls calls) {
        provided.compareAndSet(calls, LiveCalls.NONE);
    }

    /** What is offered now: {@link LiveCalls#NONE} while no application carries calls. */
    public LiveCalls current() {
        return provided.get();
    }
}
