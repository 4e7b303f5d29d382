package org.seed.sip.store.binding;

import java.util.function.Consumer;

/** Told of every committed change of bindings, after it is durable, on the thread that made it: be quick. */
@FunctionalInterface
public interface BindingListener extends Consumer<BindingEvent> {

    void bindingsChanged(BindingEvent event);

    @Override
    default void accept(BindingEvent event) {
        bindingsChanged(event);
    }
}
