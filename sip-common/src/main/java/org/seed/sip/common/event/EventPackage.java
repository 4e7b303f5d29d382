package org.seed.sip.common.event;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * An event package (RFC 6665 §7) as it plugs into the shared notifier: its name and body type, the
 * resources it serves and who may watch them, where the current state comes from and how it is written.
 *
 * @param <S> the state of one resource
 * @param <C> a change of that state
 */
public record EventPackage<S, C>(String name, String contentType, ResourceNames resources,
        AuthorizationRule authorization, StateSource<S> source, BodyWriter<S, C> writer) {

    public EventPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(writer, "writer");
    }

    /** The current state of {@code resource} as a full document of {@code version}. */
    byte[] fullState(long version, String resource) {
        return writer.fullState(version, resource, source.current(resource));
    }

    /**
     * The partial documents reporting {@code change}, by version, on the resource's state read once now: every
     * subscription to the resource gets its NOTIFY from the same read.
     */
    LongFunction<byte[]> partialState(String resource, C change) {
        S state = source.current(resource);
        return version -> writer.partialState(version, resource, change, state);
    }
}
