package org.seed.sip.store.account;

import java.util.Optional;
import javax.persistence.EntityManager;
import org.seed.sip.common.sip.AddressOfRecord;

/** The id of the account of an AOR, inside another unit of work: the key of the rows an account owns. */
public final class AccountIds {

    private AccountIds() {
    }

    public static Optional<Long> of(EntityManager em, AddressOfRecord aor) {
        return em.createQuery("select a.id from Account a where a.username = :username and a.domain = :domain", Long.class)
                .setParameter("username", aor.user())
                .setParameter("domain", aor.domain())
                .getResultStream()
                .findFirst();
    }
}
