package org.seed.sip.store.account;

import java.util.List;
import java.util.Optional;
import javax.persistence.PersistenceException;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.jpa.UniqueViolation;

/** Accounts, each call in its own transaction. */
public final class AccountRepository {

    private final Transactions transactions;

    public AccountRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The account {@code username@domain}; the domain is matched case-insensitively. */
    public Optional<Account> find(String username, String domain) {
        String normalisedDomain = Account.normaliseDomain(domain);
        return transactions.inTransaction(em -> em
                .createQuery("select a from Account a where a.username = :username and a.domain = :domain", Account.class)
                .setParameter("username", username)
                .setParameter("domain", normalisedDomain)
                .getResultStream()
                .findFirst());
    }

    /**
     * Creates an enabled account whose password is kept only as its HA1 digests.
     *
     * @throws DuplicateAccountException if {@code username@domain} exists
     */
    public Account create(String username, String domain, String displayName, char[] password, boolean admin) {
        Account account = new Account(username, domain, displayName, password, admin);
        try {
            return transactions.inTransaction(em -> {
                em.persist(account);
                return account;
            });
        } catch (PersistenceException e) {
            // the unique constraint decides, so two nodes creating the same account cannot both succeed
            if (UniqueViolation.isCauseOf(e)) {
                throw new DuplicateAccountException(account.getUsername(), account.getDomain(), e);
            }
            throw e;
        }
    }

    /** Every account, by domain then user name. */
    public List<Account> list() {
        return transactions.inTransaction(em -> em
                .createQuery("select a from Account a order by a.domain, a.username", Account.class)
                .getResultList());
    }

    public long count() {
        return transactions.inTransaction(em -> em
                .createQuery("select count(a) from Account a", Long.class)
                .getSingleResult());
    }
}
