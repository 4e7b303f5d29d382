package org.seed.sip.common.event;

import java.util.Objects;

/**
 * An event package (RFC 6665 §7) as it plugs into the shared notifier: its name and body type, the
 * resources it serves and who may watch them, where the current state comes from, what each subscriber is
 * shown of it and how it is written.
 *
 * @param <S> the state of one resource
 * @param <C> a change of that state
 */
public record EventPackage<S, C>(String name, String contentType, ResourceNames resources,
        AuthorizationRule authorization, StateSource<S> source, StateView<S> view, BodyWriter<S, C> writer) {

    public EventPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(writer, "writer");
    }

    /** A package that shows every subscriber the same state. */
    public EventPackage(String name, String contentType, ResourceNames resources, AuthorizationRule authorization,
            StateSource<S> source, BodyWriter<S, C> writer) {
        this(name, contentType, resources, authorization, source, StateView.same(), writer);
    }

    /** The current state of {@code resource} as a full document, read when the NOTIFY leaves. */
    NotifyBody fullState(String resource) {
        return (version, subscription) -> writer.fullState(version, resource,
                view.seenBy(subscription.subscriber(), resource, source.current(resource)));
    }

    /**
     * The partial documents reporting {@code change} of a resource whose state is now {@code state}, read once:
     * every subscription to the resource gets its NOTIFY from the same read, as its subscriber is shown it.
     */
    NotifyBody partialState(String resource, C change, S state) {
        return (version, subscription) -> writer.partialState(version, resource, change,
                view.seenBy(subscription.subscriber(), resource, state));
    }
}
