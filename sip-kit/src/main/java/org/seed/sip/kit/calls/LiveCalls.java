package org.seed.sip.kit.calls;

import java.util.List;

/**
 * The calls in progress in this process, and the operator's way to end one: provided by the application
 * that carries calls (the B2BUA), read by the console through {@link LiveCallsRegistry}.
 */
public interface LiveCalls {

    /** Nothing carries calls: no call is in progress and none can be hung up. */
    LiveCalls NONE = new LiveCalls() {
        @Override
        public List<LiveCall> current() {
            return List.of();
        }

        @Override
        public boolean hangUp(String id) {
            return false;
        }
    };

    /** The calls in progress now, a snapshot. */
    List<LiveCall> current();

    /**
     * Ends the call {@code id} on every leg (CANCEL or BYE, as each leg's state needs).
     *
     * @return false if there is no such call in progress
     */
    boolean hangUp(String id);
}
