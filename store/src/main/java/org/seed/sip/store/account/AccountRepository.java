package org.seed.sip.store.account;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
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
        return transactions.inTransaction(em -> find(em, username, normalisedDomain));
    }

    private static Optional<Account> find(EntityManager em, String username, String normalisedDomain) {
        return em.createQuery("select a from Account a where a.username = :username and a.domain = :domain", Account.class)
                .setParameter("username", username)
                .setParameter("domain", normalisedDomain)
                .getResultStream()
                .findFirst();
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

    /**
     * Applies {@code change} to the account {@code username@domain} and commits it, in one transaction: a
     * change that throws leaves the account as it was.
     *
     * @return the changed account, or empty if there is no such account
     */
    public Optional<Account> update(String username, String domain, Consumer<Account> change) {
        String normalisedDomain = Account.normaliseDomain(domain);
        return transactions.inTransaction(em -> {
            Optional<Account> account = find(em, username, normalisedDomain);
            account.ifPresent(change);
            return account;
        });
    }

    /** Deletes the account {@code username@domain}; returns whether there was one. Its bindings stay. */
    public boolean delete(String username, String domain) {
        String normalisedDomain = Account.normaliseDomain(domain);
        return transactions.inTransaction(em -> em
                .createQuery("delete from Account a where a.username = :username and a.domain = :domain")
                .setParameter("username", username)
                .setParameter("domain", normalisedDomain)
                .executeUpdate() > 0);
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
