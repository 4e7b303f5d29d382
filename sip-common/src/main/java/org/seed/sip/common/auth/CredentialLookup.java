package org.seed.sip.common.auth;

import java.util.Optional;

/** Where {@link Authenticator} finds accounts; the store implements it over its account table. */
@FunctionalInterface
public interface CredentialLookup {

    /** The credentials of {@code username} in {@code realm}, or empty if there is no such account. */
    Optional<StoredCredentials> find(String username, String realm);
}
