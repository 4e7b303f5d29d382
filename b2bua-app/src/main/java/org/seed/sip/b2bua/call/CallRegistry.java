package org.seed.sip.b2bua.call;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.rules.DialogId;

/**
 * The live calls of the B2BUA, by the platform's call id and by the dialogs they are made of: an INVITE or a
 * REFER carrying Replaces (RFC 3891) names a dialog of another call, and the console lists what is going on.
 * A call is registered when it starts and leaves when its application session ends (or when a transfer
 * merges it into another call); one registry for the application, built by its composition root.
 */
public final class CallRegistry {

    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    void register(Call call) {
        calls.put(call.id, call);
    }

    void unregister(Call call) {
        calls.remove(call.id, call);
    }

    Optional<Call> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** The call and session of the platform's dialog {@code dialog}, ended ones included until they leave. */
    Optional<Located> findByDialog(DialogId dialog) {
        for (Call call : calls.values()) {
            for (SipSession session : call.dialogs()) {
                if (SessionDialogs.idOf(session).filter(dialog::equals).isPresent()) {
                    return Optional.of(new Located(call, session));
                }
            }
        }
        return Optional.empty();
    }

    /** How many calls are live, for the console and for tests of the registry's upkeep. */
    public int size() {
        return calls.size();
    }

    Collection<Call> live() {
        return List.copyOf(calls.values());
    }

    /** A dialog found: the call it belongs to and the platform's session of it. */
    record Located(Call call, SipSession session) {
    }
}
