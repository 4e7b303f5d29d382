package org.seed.sip.registrar.regevent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;

/** A dialog that records what the notifier does with it; it can be made unreachable. */
final class RecordingChannel implements NotifyChannel {

    private static final ReginfoXml XML = new ReginfoXml();

    final List<Notify> sent = Collections.synchronizedList(new ArrayList<>());
    final List<Long> keptFor = Collections.synchronizedList(new ArrayList<>());
    volatile boolean reachable = true;
    volatile boolean closed;

    @Override
    public boolean send(Notify notify) {
        if (!reachable) {
            return false;
        }
        sent.add(notify);
        return true;
    }

    @Override
    public void keepFor(long seconds) {
        keptFor.add(seconds);
    }

    @Override
    public void close() {
        closed = true;
    }

    Notify last() {
        return sent.get(sent.size() - 1);
    }

    Reginfo lastDocument() {
        return XML.read(last().body());
    }
}
