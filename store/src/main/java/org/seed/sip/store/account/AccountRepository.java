package org.seed.sip.store.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.seed.sip.common.auth.StoredCredentials;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.binding.BindingRepository;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.jpa.UniqueViolation;

/**
 * Accounts, each call in its own transaction, and the credentials Digest authentication checks against
 * them, kept in a cache for a configured time.
 */
public final class AccountRepository {

    private static final long MOST_CACHED_CREDENTIALS = 100_000;

    private final Transactions transactions;
    private final BindingRepository bindings;
    /** Credentials by user and normalised domain; "no such account" is cached too, so scans cost no query. */
    private final Cache<AccountKey, Optional<StoredCredentials>> credentials;

    /**
     * @param credentialsLifetime how long credentials read for authentication are used without reading the
     *                            account again; changes made through this repository apply at once, changes
     *                            made by another node sharing the database within this time. Zero: no cache.
     * @param bindings            the AORs' bindings, deleted with their accounts
     */
    public AccountRepository(Transactions transactions, Duration credentialsLifetime, BindingRepository bindings) {
        this.transactions = transactions;
        this.bindings = bindings;
        this.credentials = Caffeine.newBuilder()
                .expireAfterWrite(credentialsLifetime)
                .maximumSize(credentialsLifetime.isZero() ? 0 : MOST_CACHED_CREDENTIALS)
                .build();
    }

    /**
     * The id of {@code aor}'s account, in a transaction of the caller's: for the repositories of rows that
     * belong to an account (preferences, kept messages), whose foreign key it is.
     */
    public static Optional<Long> idOf(EntityManager em, AddressOfRecord aor) {
        return em.createQuery("select a.id from Account a where a.username = :username and a.domain = :domain", Long.class)
                .setParameter("username", aor.user())
                .setParameter("domain", aor.domain())
                .getResultStream()
                .findFirst();
    }

    /** The account {@code username@domain}; the domain is matched case-insensitively. */
    public Optional<Account> find(String username, String domain) {
        String normalisedDomain = Account.normaliseDomain(domain);
        return transactions.read(em -> find(em, username, normalisedDomain));
    }

    /**
     * What Digest authentication needs of the account {@code username@domain}: its HA1 digests and flags,
     * possibly as read up to the credentials lifetime ago (see the constructor).
     */
    public Optional<StoredCredentials> credentials(String username, String domain) {
        return credentials.get(new AccountKey(username, Account.normaliseDomain(domain)), key -> transactions
                .read(em -> find(em, key.username(), key.domain()))
                .map(account -> new StoredCredentials(account.getHa1Md5(), account.getHa1Sha256(), account.isAdmin(),
                        account.isEnabled())));
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
            transactions.inTransaction(em -> {
                em.persist(account);
                return account;
            });
            forgetCredentials(account.getUsername(), account.getDomain());
            return account;
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
        Optional<Account> changed = transactions.inTransaction(em -> {
            Optional<Account> account = find(em, username, normalisedDomain);
            account.ifPresent(change);
            return account;
        });
        forgetCredentials(username, normalisedDomain);
        return changed;
    }

    /**
     * Deletes the account {@code username@domain} and the bindings of its AOR, in one transaction (announced
     * to binding listeners as {@code ACCOUNT_DELETED}); returns whether there was one.
     */
    public boolean delete(String username, String domain) {
        String normalisedDomain = Account.normaliseDomain(domain);
        boolean deleted = bindings.removeWithAccount(new AddressOfRecord(username, normalisedDomain).toString(),
                em -> em.createQuery("delete from Account a where a.username = :username and a.domain = :domain")
                        .setParameter("username", username)
                        .setParameter("domain", normalisedDomain)
                        .executeUpdate() > 0);
        forgetCredentials(username, normalisedDomain);
        return deleted;
    }

    private void forgetCredentials(String username, String normalisedDomain) {
        credentials.invalidate(new AccountKey(username, normalisedDomain));
    }

    private record AccountKey(String username, String domain) {
    }

    /** Every account, by domain then user name. */
    public List<Account> list() {
        return transactions.read(em -> em
                .createQuery("select a from Account a order by a.domain, a.username", Account.class)
                .getResultList());
    }

    public long count() {
        return transactions.read(em -> em
                .createQuery("select count(a) from Account a", Long.class)
                .getSingleResult());
    }
}
