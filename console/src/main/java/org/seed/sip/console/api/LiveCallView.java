package org.seed.sip.console.api;

import org.seed.sip.kit.calls.LiveCall;

/**
 * A call in progress as the API shows it.
 *
 * @param state    {@code ringing} or {@code answered}
 * @param started  ISO-8601 instant in UTC
 * @param answered ISO-8601 instant in UTC, or null
 */
public record LiveCallView(String id, String caller, String callee, String state, String started, String answered) {

    public static LiveCallView of(LiveCall call) {
        return new LiveCallView(call.id(), call.caller(), call.callee(), call.state(), call.started().toString(),
                call.answered() == null ? null : call.answered().toString());
    }
}
