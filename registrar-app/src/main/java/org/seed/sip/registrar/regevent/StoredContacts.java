package org.seed.sip.registrar.regevent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;

/** The current contacts of an AOR, read from the location service's bindings. */
public final class StoredContacts implements CurrentContacts {

    private final BindingRepository bindings;
    private final Clock clock;

    public StoredContacts(BindingRepository bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    @Override
    public List<BoundContact> of(String aor) {
        Instant now = clock.instant();
        return bindings.current(aor, now).stream().map(binding -> contact(binding, now)).toList();
    }

    private static BoundContact contact(Binding binding, Instant now) {
        return new BoundContact(binding.getContactUri(),
                binding.secondsLeftAt(now), binding.getQ(),
                binding.getCallId(), binding.getCseq());
    }
}
