package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.seed.sip.kit.calls.LiveCall;
import org.seed.sip.kit.calls.LiveCalls;

/** The B2BUA's live calls as the console sees them (the kit's {@link LiveCalls} port), and their hang-up. */
public final class CallsInProgress implements LiveCalls {

    private final CallRegistry registry;
    private final CallController controller;

    public CallsInProgress(CallRegistry registry, CallController controller) {
        this.registry = registry;
        this.controller = controller;
    }

    @Override
    public List<LiveCall> current() {
        return registry.live().stream().map(CallsInProgress::view).flatMap(Optional::stream).toList();
    }

    @Override
    public boolean hangUp(String id) {
        Optional<Call> call = registry.find(id);
        if (call.isEmpty()) {
            return false;
        }
        try {
            return controller.hangUpByOperator(call.get());
        } catch (IOException e) {
            throw new UncheckedIOException("hanging up call " + id, e);
        }
    }

    private static Optional<LiveCall> view(Call call) {
        synchronized (call) {
            return switch (call.state) {
                case RINGING -> Optional.of(new LiveCall(call.id, call.caller, call.callee, LiveCall.RINGING,
                        call.started, null));
                case CONNECTED -> Optional.of(new LiveCall(call.id, call.caller, call.callee, LiveCall.ANSWERED,
                        call.started, call.answeredAt));
                case ENDED -> Optional.empty();
            };
        }
    }
}
