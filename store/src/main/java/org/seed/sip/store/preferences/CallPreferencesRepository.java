package org.seed.sip.store.preferences;

import java.time.Instant;
import java.util.Optional;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.jpa.UniqueViolation;

/**
 * Each account's call preferences, each call in its own transaction. Nothing is cached: the B2BUA reads
 * them for every call, so a change applies to the next call on every node sharing the database.
 */
public final class CallPreferencesRepository {

    private final Transactions transactions;

    public CallPreferencesRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The preferences of the account of {@code aor}; {@link CallPreferences#DEFAULTS} if it set none or does not exist. */
    public CallPreferences of(AddressOfRecord aor) {
        return transactions.read(em -> em
                .createQuery("select p from CallPreferencesRow p, Account a where p.accountId = a.id"
                        + " and a.username = :username and a.domain = :domain", CallPreferencesRow.class)
                .setParameter("username", aor.user())
                .setParameter("domain", aor.domain())
                .getResultStream()
                .findFirst()
                .map(CallPreferencesRow::toPreferences)
                .orElse(CallPreferences.DEFAULTS));
    }

    /**
     * Replaces the preferences of the account of {@code aor} with {@code preferences}, committed when this
     * returns.
     *
     * @return false if there is no such account (nothing is stored then)
     */
    public boolean save(AddressOfRecord aor, CallPreferences preferences) {
        // another save may insert the account's row between our lookup and insert: it exists then, update it
        return UniqueViolation.retriedOnce(() -> upsert(aor, preferences));
    }

    private boolean upsert(AddressOfRecord aor, CallPreferences preferences) {
        Instant now = Instant.now();
        return transactions.inTransaction(em -> {
            Optional<Long> accountId = AccountRepository.idOf(em, aor);
            accountId.ifPresent(id -> {
                CallPreferencesRow row = em.find(CallPreferencesRow.class, id);
                if (row == null) {
                    em.persist(new CallPreferencesRow(id, preferences, now));
                } else {
                    row.copyFrom(preferences, now);
                }
            });
            return accountId.isPresent();
        });
    }
}
