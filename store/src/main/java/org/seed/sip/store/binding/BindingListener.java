package org.seed.sip.store.binding;

/** Told of every committed change of bindings, after it is durable, on the thread that made it: be quick. */
@FunctionalInterface
public interface BindingListener {

    void bindingsChanged(BindingEvent event);
}
