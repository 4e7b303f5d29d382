package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.store.binding.BindingEvents;

/**
 * The registrar's reg event package on the shared machinery: its notifier, the rules its SUBSCRIBEs are
 * decided by, and its subscription to the store's binding changes, ended on {@link #close()}.
 */
public record RegEvent(Notifier<List<BoundContact>, List<ContactChange>> notifier, SubscribeRules rules,
        BindingEvents.Subscription changes) implements AutoCloseable {

    @Override
    public void close() {
        changes.close();
    }
}
