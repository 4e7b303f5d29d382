package org.seed.sip.common.event;

/**
 * Writes an event package's NOTIFY bodies, each with the version the notifier gives it.
 *
 * @param <S> the state of a resource, from the package's {@link StateSource}
 * @param <C> a change of that state, as the package announces it
 */
public interface BodyWriter<S, C> {

    /** The whole state of {@code resource}: the first NOTIFY of a subscription, a refresh, the last one. */
    byte[] fullState(long version, String resource, S state);

    /** Only {@code change}, with {@code state} the resource's state after it. */
    byte[] partialState(long version, String resource, C change, S state);
}
