package org.seed.sip.registrar.regevent;

import java.util.List;

import org.seed.sip.common.event.BodyWriter;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.registrar.regevent.reginfo.ReginfoBuilder;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;

/** The reg event package's bodies: reginfo documents (RFC 3680 §5) of an AOR's contacts. */
public final class ReginfoWriter implements BodyWriter<List<BoundContact>, List<ContactChange>> {

    private final ReginfoXml xml;

    public ReginfoWriter(ReginfoXml xml) {
        this.xml = xml;
    }

    @Override
    public byte[] fullState(long version, String aor, List<BoundContact> contacts) {
        return xml.write(ReginfoBuilder.full(version, aor, contacts));
    }

    /** The registration is terminated once no contact is left (RFC 3680 §5.1). */
    @Override
    public byte[] partialState(long version, String aor, List<ContactChange> changes, List<BoundContact> contacts) {
        return xml.write(ReginfoBuilder.partial(version, aor, changes, !contacts.isEmpty()));
    }
}
