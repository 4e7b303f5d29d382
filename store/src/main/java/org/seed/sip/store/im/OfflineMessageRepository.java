package org.seed.sip.store.im;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.LockModeType;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.jpa.Transactions;

/**
 * The instant messages kept for recipients who were offline, each call in its own transaction. A message is
 * durable when {@link #keep} returns (before the sender's 202 leaves) and goes only by {@link #delete} (a phone
 * answered 2xx), by expiry, or with its account.
 */
public final class OfflineMessageRepository {

    private final Transactions transactions;

    public OfflineMessageRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** What became of a message to keep. */
    public sealed interface Kept permits Stored, Full, NoAccount {
    }

    /** Kept, as the {@code id}-th of its recipient's queue. */
    public record Stored(long id) implements Kept {
    }

    /** The recipient already has {@code max} messages waiting: not kept. */
    public record Full(int waiting) implements Kept {
    }

    /** The recipient has no account (any more): not kept. */
    public record NoAccount() implements Kept {
    }

    /**
     * Keeps {@code message} for {@code recipient} unless {@code max} unexpired messages already wait for it. The
     * account's row is locked for the count and the insert, so concurrent messages (on any node sharing the
     * database) never exceed the bound.
     */
    public Kept keep(AddressOfRecord recipient, OfflineMessage message, int max) {
        return transactions.inTransaction(em -> {
            Optional<Long> accountId = AccountRepository.idOf(em, recipient);
            if (accountId.isEmpty()) {
                return new NoAccount();
            }
            em.find(Account.class, accountId.get(), LockModeType.PESSIMISTIC_WRITE);
            long waiting = em.createQuery("select count(m) from OfflineMessageRow m where m.recipient = :recipient"
                    + " and m.expiresAt > :now", Long.class)
                    .setParameter("recipient", message.recipient())
                    .setParameter("now", message.receivedAt())
                    .getSingleResult();
            if (waiting >= max) {
                return new Full((int) waiting);
            }
            OfflineMessageRow row = new OfflineMessageRow(accountId.get(), message);
            em.persist(row);
            em.flush();
            return new Stored(row.id());
        });
    }

    /** The unexpired messages waiting for {@code recipient}, oldest first. */
    public List<OfflineMessage> waiting(String recipient, Instant now) {
        return transactions.read(em -> em.createQuery("select m from OfflineMessageRow m where m.recipient = :recipient"
                + " and m.expiresAt > :now order by m.id", OfflineMessageRow.class)
                .setParameter("recipient", recipient)
                .setParameter("now", now)
                .getResultStream()
                .map(OfflineMessageRow::toMessage)
                .toList());
    }

    /** Whether any unexpired message waits for {@code recipient}. */
    public boolean anyWaiting(String recipient, Instant now) {
        return transactions.read(em -> !em.createQuery("select m.id from OfflineMessageRow m where m.recipient = :recipient"
                + " and m.expiresAt > :now", Long.class)
                .setParameter("recipient", recipient)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }

    /** The recipients that have unexpired messages waiting. */
    public List<String> recipients(Instant now) {
        return transactions.read(em -> em.createQuery("select distinct m.recipient from OfflineMessageRow m"
                + " where m.expiresAt > :now order by m.recipient", String.class)
                .setParameter("now", now)
                .getResultList());
    }

    /** Deletes a delivered message; false if it was gone already (expired, or delivered by another path). */
    public boolean delete(long id) {
        return transactions.inTransaction(em -> em.createQuery("delete from OfflineMessageRow m where m.id = :id")
                .setParameter("id", id)
                .executeUpdate()) > 0;
    }

    /** Deletes the messages expired at {@code now}; how many. */
    public int purgeExpired(Instant now) {
        return transactions.inTransaction(em -> em.createQuery("delete from OfflineMessageRow m where m.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate());
    }
}
