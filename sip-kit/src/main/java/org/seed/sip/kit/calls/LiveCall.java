package org.seed.sip.kit.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * A call in progress, as the console shows it.
 *
 * @param id       the id {@link LiveCalls#hangUp} takes
 * @param caller   the caller's URI (its address-of-record for a user of ours)
 * @param callee   the called URI
 * @param state    {@value #RINGING} until a callee answered, then {@value #ANSWERED}
 * @param started  when the caller's INVITE arrived
 * @param answered when the callee answered, or null
 */
public record LiveCall(String id, String caller, String callee, String state, Instant started, Instant answered) {

    public static final String RINGING = "ringing";
    public static final String ANSWERED = "answered";

    public LiveCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(started, "started");
        if (!RINGING.equals(state) && !ANSWERED.equals(state)) {
            throw new IllegalArgumentException("state must be " + RINGING + " or " + ANSWERED + ", not " + state);
        }
    }
}
