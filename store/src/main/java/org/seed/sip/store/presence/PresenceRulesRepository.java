package org.seed.sip.store.presence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.persistence.EntityManager;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.jpa.UniqueViolation;

/**
 * Each presentity's presence rules, one row per account, deleted with it (the foreign key's cascade, in the
 * account's own transaction). Read for every SUBSCRIBE, so nothing is cached: a change applies to the next
 * one on every node. Every replacement is announced to {@link #events()} after its commit.
 */
public final class PresenceRulesRepository {

    private static final int AOR_LOCK_STRIPES = 256;

    private final Transactions transactions;
    private final PresenceRulesEvents events = new PresenceRulesEvents();
    /** Holds one AOR's replacements in turn until announced: listeners hear them in commit order. */
    private final Lock[] aorLocks = new Lock[AOR_LOCK_STRIPES];

    public PresenceRulesRepository(Transactions transactions) {
        this.transactions = transactions;
        Arrays.setAll(aorLocks, stripe -> new ReentrantLock());
    }

    /** Where every committed change of presence rules is announced. */
    public PresenceRulesEvents events() {
        return events;
    }

    /** The rules of the account of {@code presentity}; empty if it set none, or there is no such account. */
    public Optional<PresenceRules> find(AddressOfRecord presentity) {
        return transactions.read(em -> em
                .createQuery("select r from PresenceRulesRow r, Account a where r.accountId = a.id"
                        + " and a.username = :username and a.domain = :domain", PresenceRulesRow.class)
                .setParameter("username", presentity.user())
                .setParameter("domain", presentity.domain())
                .getResultStream()
                .findFirst()
                .map(PresenceRulesRow::toRules));
    }

    /**
     * Replaces every rule of the account of {@code presentity} with {@code rules}, committed when this
     * returns, and announces it.
     *
     * @return false if there is no such account (nothing is stored or announced then)
     */
    public boolean replace(AddressOfRecord presentity, PresenceRules rules) {
        Lock lock = aorLocks[Math.floorMod(presentity.hashCode(), AOR_LOCK_STRIPES)];
        PresenceRulesEvent event = new PresenceRulesEvent(presentity, rules);
        return UniqueViolation.retriedOnce(() -> transactions.inTransaction(lock, em -> upsert(em, presentity, rules),
                stored -> {
                    if (stored) {
                        events.announce(event);
                    }
                }));
    }

    private static boolean upsert(EntityManager em, AddressOfRecord presentity, PresenceRules rules) {
        Instant now = Instant.now();
        Optional<Long> accountId = AccountRepository.idOf(em, presentity);
        accountId.ifPresent(id -> {
            PresenceRulesRow row = em.find(PresenceRulesRow.class, id);
            if (row == null) {
                em.persist(new PresenceRulesRow(id, rules, now));
            } else {
                row.copyFrom(rules, now);
            }
        });
        return accountId.isPresent();
    }
}
