package org.seed.sip.common.event;

/**
 * What one subscriber is shown of a resource's state: the state itself for most packages; presence shows a
 * polite-blocked watcher a presentity that is never available (RFC 5025 §3.2.1).
 */
@FunctionalInterface
public interface StateView<S> {

    S seenBy(Subscriber subscriber, String resource, S state);

    static <S> StateView<S> same() {
        return (subscriber, resource, state) -> state;
    }
}
