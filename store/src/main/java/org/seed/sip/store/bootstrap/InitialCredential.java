package org.seed.sip.store.bootstrap;

/** A generated password of a bootstrap account, to hand to the operator once. */
record InitialCredential(String username, String domain, String password) {

    @Override
    public String toString() {
        return "InitialCredential[" + username + "@" + domain + "]";
    }
}
