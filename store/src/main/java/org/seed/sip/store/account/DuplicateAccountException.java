package org.seed.sip.store.account;

/** An account with the same user name already exists in the domain. */
public class DuplicateAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateAccountException(String username, String domain, Throwable cause) {
        super("account " + username + "@" + domain + " already exists", cause);
    }
}
