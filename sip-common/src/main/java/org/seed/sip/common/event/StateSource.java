package org.seed.sip.common.event;

/** Where an event package reads the current state of a resource: what a full-state NOTIFY reports. */
@FunctionalInterface
public interface StateSource<S> {

    /** @param resource {@link Resource#uri()} */
    S current(String resource);
}
