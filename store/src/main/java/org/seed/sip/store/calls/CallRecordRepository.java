package org.seed.sip.store.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.TypedQuery;

import org.seed.sip.store.jpa.Transactions;

/**
 * Call detail records, each call in its own transaction. A record is opened when its call starts and
 * closed when it ends, so the store always knows which calls were in progress: those of a node that
 * stopped without closing them are closed as {@value #INTERRUPTED} when it starts again.
 */
public final class CallRecordRepository {

    /** The end cause of a call its node stopped (or crashed) during. */
    public static final String INTERRUPTED = "interrupted";

    private final Transactions transactions;
    private final TimeOrderedId ids = new TimeOrderedId(Clock.systemUTC());

    public CallRecordRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Stores the record of a call that starts now, committed when this returns; returns its id. */
    public String open(NewCallRecord call) {
        String id = ids.next();
        transactions.inTransaction(em -> {
            em.persist(new CallRecordRow(id, call));
            return null;
        });
        return id;
    }

    /**
     * Completes the open record {@code id} with how its call ended.
     *
     * @return false if there is no such record or it is closed already (it is left as it was)
     */
    public boolean close(String id, CallEnd end) {
        return transactions.inTransaction(em -> {
            CallRecordRow row = em.find(CallRecordRow.class, id);
            if (row == null || !row.isOpen()) {
                return false;
            }
            row.close(end);
            return true;
        });
    }

    /**
     * Closes every record {@code node} left open, ending at {@code now} with cause {@value #INTERRUPTED}
     * and no duration (when the call really ended is unknown). A node calls it when it starts, before it
     * takes calls: any record of its own still open then belongs to a call it carried before it stopped.
     *
     * @return how many records were closed
     */
    public int closeInterrupted(String node, Instant now) {
        return transactions.inTransaction(em -> em
                .createQuery("update CallRecordRow r set r.endedAt = :now, r.endCause = :cause"
                        + " where r.node = :node and r.endedAt is null")
                .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
                .setParameter("cause", INTERRUPTED)
                .setParameter("node", node)
                .executeUpdate());
    }

    /** The records {@code query} selects, the latest started first. */
    public List<CallRecord> find(CallRecordQuery query) {
        StringBuilder jpql = new StringBuilder("select r from CallRecordRow r where 1 = 1");
        if (query.user() != null) {
            jpql.append(" and (r.caller = :user or r.callee = :user)");
        }
        if (query.from() != null) {
            jpql.append(" and r.startedAt >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and r.startedAt < :to");
        }
        jpql.append(" order by r.startedAt desc, r.id desc");
        return transactions.read(em -> {
            TypedQuery<CallRecordRow> select = em.createQuery(jpql.toString(), CallRecordRow.class)
                    .setMaxResults(query.limit());
            if (query.user() != null) {
                select.setParameter("user", query.user().toString());
            }
            if (query.from() != null) {
                select.setParameter("from", query.from());
            }
            if (query.to() != null) {
                select.setParameter("to", query.to());
            }
            return select.getResultStream().map(CallRecordRow::toRecord).toList();
        });
    }
}
