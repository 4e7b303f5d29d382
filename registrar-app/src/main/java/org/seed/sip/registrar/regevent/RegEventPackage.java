package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.EventPackage;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;

/** The reg event package (RFC 3680) on the shared notifier: the registrar's part is reginfo and the contacts. */
public final class RegEventPackage {

    /** RFC 3680 §4.1. */
    public static final String NAME = "reg";

    private RegEventPackage() {
    }

    public static EventPackage<List<BoundContact>, List<ContactChange>> of(SubscriptionAccess access,
            CurrentContacts contacts) {
        return new EventPackage<>(NAME, Reginfo.CONTENT_TYPE, access, access, contacts::of,
                new ReginfoWriter(new ReginfoXml()));
    }
}
