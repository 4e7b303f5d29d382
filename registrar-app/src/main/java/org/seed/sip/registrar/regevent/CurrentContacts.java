package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.registrar.regevent.reginfo.BoundContact;

/** The contacts bound to an AOR now: the full state of its registration. */
@FunctionalInterface
public interface CurrentContacts {

    /** @param aor normalised AOR ({@code sip:user@domain}) */
    List<BoundContact> of(String aor);
}
