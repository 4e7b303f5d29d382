package org.seed.sip.store.binding;

import java.util.List;

import org.seed.sip.store.events.StoreEvents;

/**
 * Where the store announces every change of bindings, whichever application made it: a registration, an
 * expiry purge and a removal from the console all reach every listener (reg-event subscriptions of the
 * registrar, presence, kept instant messages...).
 */
public final class BindingEvents extends StoreEvents<BindingEvent> {

    BindingEvents() {
        super("binding", event -> event.cause() + " of " + event.aor());
    }

    void announce(List<BindingEvent> events) {
        events.forEach(this::tell);
    }
}
