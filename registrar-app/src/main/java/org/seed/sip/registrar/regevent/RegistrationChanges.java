package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.TerminationReason;
import org.seed.sip.registrar.regevent.ContactChange.Event;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingEvent;
import org.seed.sip.store.binding.BindingListener;

/**
 * The store's binding changes, whichever application made them, as reg event notifications: a REGISTER, the
 * expiry purge, a removal from the console, an account deleted.
 */
public final class RegistrationChanges implements BindingListener {

    private final Notifier<List<BoundContact>, List<ContactChange>> notifier;

    public RegistrationChanges(Notifier<List<BoundContact>, List<ContactChange>> notifier) {
        this.notifier = notifier;
    }

    /** Called on the thread of every committed change (every REGISTER): nothing to do for an unwatched AOR. */
    @Override
    public void bindingsChanged(BindingEvent event) {
        if (!notifier.watches(event.aor())) {
            return;
        }
        List<ContactChange> changes = event.changes().stream().map(change -> contactChange(event, change)).toList();
        if (event.cause() == BindingEvent.Cause.ACCOUNT_DELETED) {
            // RFC 6665 §4.1.3: the watched AOR exists no more, so watching it has no point either
            notifier.ended(event.aor(), changes, TerminationReason.NORESOURCE);
        } else if (!changes.isEmpty()) {
            notifier.changed(event.aor(), changes);
        }
    }

    private static ContactChange contactChange(BindingEvent event, BindingChange change) {
        return new ContactChange(change.contactUri(), contactEvent(event.cause(), change.kind()), change.expiresIn(),
                change.callId(), change.cseq(), change.q());
    }

    /** RFC 3680 §5.1: the contact event that tells a watcher why the contact changed. */
    private static Event contactEvent(BindingEvent.Cause cause, BindingChange.Kind kind) {
        return switch (kind) {
            case ADDED -> Event.REGISTERED;
            case REFRESHED -> Event.REFRESHED;
            case EXPIRED -> Event.EXPIRED;
            case REMOVED -> switch (cause) {
                case ADMINISTRATOR -> Event.DEACTIVATED;
                case ACCOUNT_DELETED -> Event.REJECTED;
                case REGISTER, EXPIRY -> Event.UNREGISTERED;
            };
        };
    }
}
