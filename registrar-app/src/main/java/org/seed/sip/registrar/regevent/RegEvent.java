package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.store.binding.BindingEvents;
import org.seed.sip.store.events.StoreEvents;

/**
 * The registrar's reg event package on the shared machinery: its notifier, the rules its SUBSCRIBEs are
 * decided by, and the thread its NOTIFYs leave on. Started, it listens to the store's binding changes and
 * checks its subscriptions every second; stopped, it stops listening first, then the thread. Nothing runs
 * before the start, so an application that fails to start leaves no listener on the shared store.
 */
public final class RegEvent implements Managed {

    private final Notifier<List<BoundContact>, List<ContactChange>> notifier;
    private final SubscribeRules rules;
    private final BindingEvents bindingEvents;
    private final NotifierThread thread;
    private StoreEvents.Subscription changes;

    public RegEvent(Notifier<List<BoundContact>, List<ContactChange>> notifier, SubscribeRules rules,
            BindingEvents bindingEvents, NotifierThread thread) {
        this.notifier = notifier;
        this.rules = rules;
        this.bindingEvents = bindingEvents;
        this.thread = thread;
    }

    public Notifier<List<BoundContact>, List<ContactChange>> notifier() {
        return notifier;
    }

    public SubscribeRules rules() {
        return rules;
    }

    @Override
    public synchronized void start() {
        thread.tick(notifier);
        changes = bindingEvents.subscribe(new RegistrationChanges(notifier));
    }

    @Override
    public synchronized void stop() {
        try {
            if (changes != null) {
                changes.close();
            }
        } finally {
            thread.close();
        }
    }
}
