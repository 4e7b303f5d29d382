package org.seed.sip.b2bua.call;

import java.time.Clock;
import java.time.Instant;

import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.store.StoreException;
import org.seed.sip.store.calls.CallEnd;
import org.seed.sip.store.calls.CallRecordRepository;
import org.seed.sip.store.calls.NewCallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call detail records of this node's calls: opened when a call starts (a crash leaves it open, and the
 * next start of the node closes it as interrupted), closed once when it ends.
 */
public final class CallJournal implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(CallJournal.class);

    private final CallRecordRepository records;
    private final String node;
    private final Clock clock;

    public CallJournal(CallRecordRepository records, String node, Clock clock) {
        this.records = records;
        this.node = node;
        this.clock = clock;
    }

    /** Closes the records this node left open when it stopped without ending its calls (a crash). */
    @Override
    public void start() {
        int closed = records.closeInterrupted(node, clock.instant());
        if (closed > 0) {
            LOG.info("{} call records of node {} closed as interrupted", closed, node);
        }
    }

    @Override
    public void stop() {
        // the records of calls still up at a clean stop stay open too: closed as interrupted at the next start
    }

    /**
     * Opens the record of a call starting now; its id is the call's, in the console's live calls as in its
     * records. A store failure here refuses the call (the kit's 503): a call nobody could account for is not
     * placed.
     */
    String open(String caller, String callee, Instant started) {
        return records.open(new NewCallRecord(caller, callee, started, node));
    }

    /**
     * Closes the call's record once. A store failure now leaves it open, to be closed as interrupted: the
     * call itself has ended on both sides already.
     */
    void ended(Call call, String cause) {
        if (call.recordClosed) {
            return;
        }
        call.recordClosed = true;
        try {
            records.close(call.id, new CallEnd(call.answeredAt, clock.instant(), call.forwardedTo,
                    call.transferredTo, cause, call.legs.size()));
        } catch (StoreException e) {
            LOG.warn("call {}: record not closed ({}): {}", call.id, cause, e.getMessage());
        }
    }
}
