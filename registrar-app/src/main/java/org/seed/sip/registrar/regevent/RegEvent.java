package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.store.binding.BindingEvents;

/**
 * The registrar's reg event package on the shared machinery: its notifier, the rules its SUBSCRIBEs are
 * decided by, its subscription to the store's binding changes and the thread its NOTIFYs leave on. Stopping
 * it stops listening first, then the thread.
 */
public record RegEvent(Notifier<List<BoundContact>, List<ContactChange>> notifier, SubscribeRules rules,
        BindingEvents.Subscription changes, NotifierThread thread) implements Managed {

    @Override
    public void stop() {
        try {
            changes.close();
        } finally {
            thread.close();
        }
    }
}
