package org.seed.sip.common.event;

import java.util.Objects;

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

    byte[] partialState(long version, String resource, C change) {
        return writer.partialState(version, resource, change, source.current(resource));
    }
}
