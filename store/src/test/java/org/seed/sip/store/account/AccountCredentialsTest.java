package org.seed.sip.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.auth.DigestAlgorithm;
import org.seed.sip.common.auth.DigestCredentials;
import org.seed.sip.common.auth.DigestVerifier;
import org.seed.sip.common.auth.StoredCredentials;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;
import org.seed.sip.store.TestDatabases;

class AccountCredentialsTest {

    @TempDir
    Path dataDir;

    private Store store;
    private AccountCredentials credentials;

    @BeforeEach
    void openStore() {
        store = Store.open(TestDatabases.h2(dataDir));
        credentials = new AccountCredentials(store.accounts());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findsTheHa1DigestsAndFlagsWithTheDomainAsRealm() {
        store.accounts().create("alice", "Example.COM", "Alice", "secret".toCharArray(), true);

        assertThat(credentials.find("alice", "example.com")).hasValueSatisfying(found -> {
            assertThat(found.ha1Md5()).isEqualTo(Ha1.md5("alice", "example.com", "secret".toCharArray()));
            assertThat(found.ha1Sha256()).isEqualTo(Ha1.sha256("alice", "example.com", "secret".toCharArray()));
            assertThat(found.admin()).isTrue();
            assertThat(found.enabled()).isTrue();
        });
    }

    @Test
    void unknownUserOrOtherDomainFindsNothing() {
        store.accounts().create("alice", "example.com", null, "secret".toCharArray(), false);

        assertThat(credentials.find("bob", "example.com")).isEmpty();
        assertThat(credentials.find("alice", "example.org")).isEmpty();
        assertThat(credentials.find("Alice", "example.com")).as("user parts are case-sensitive").isEmpty();
    }

    @Test
    void disabledAccountIsFoundAsDisabledAtOnce() {
        store.accounts().create("alice", "example.com", null, "secret".toCharArray(), false);
        assertThat(credentials.find("alice", "example.com")).map(StoredCredentials::enabled).contains(true);

        store.accounts().update("alice", "example.com", account -> account.setEnabled(false));

        assertThat(credentials.find("alice", "example.com")).map(StoredCredentials::enabled).contains(false);
    }

    @Test
    void accountsCreatedOrDeletedHereApplyAtOnce() {
        assertThat(credentials.find("carol", "example.com")).isEmpty();
        store.accounts().create("carol", "example.com", null, "secret".toCharArray(), false);
        assertThat(credentials.find("carol", "example.com")).isPresent();

        store.accounts().delete("carol", "example.com");
        assertThat(credentials.find("carol", "example.com")).isEmpty();
    }

    @Test
    void changesMadeElsewhereApplyOnlyAfterTheLifetime() {
        store.accounts().create("alice", "example.com", null, "secret".toCharArray(), false);
        assertThat(credentials.find("alice", "example.com")).map(StoredCredentials::enabled).contains(true);

        disableInTheDatabase("alice");

        assertThat(credentials.find("alice", "example.com")).as("within the lifetime")
                .map(StoredCredentials::enabled).contains(true);
        try (Store uncached = Store.open(new StoreSettings(TestDatabases.h2Url(dataDir), "sip", "sip", 2, Duration.ZERO))) {
            assertThat(new AccountCredentials(uncached.accounts()).find("alice", "example.com")).as("lifetime 0")
                    .map(StoredCredentials::enabled).contains(false);
        }
    }

    /** As another node, or an operator with a database shell, would: not through the repository. */
    private void disableInTheDatabase(String username) {
        store.inTransaction(em -> em.createNativeQuery("UPDATE accounts SET enabled = FALSE WHERE username = ?1")
                .setParameter(1, username)
                .executeUpdate());
    }

    @Test
    void storedPasswordVerifiesADigestResponseForEitherAlgorithm() {
        store.accounts().create("alice", "example.com", null, "secret".toCharArray(), false);
        StoredCredentials stored = credentials.find("alice", "example.com").orElseThrow();

        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String ha1 = algorithm.hash("alice:example.com:secret");
            String ha2 = algorithm.hash("REGISTER:sip:example.com");
            String response = algorithm.hash(ha1 + ":abc:00000001:xyz:auth:" + ha2);
            DigestCredentials sent = new DigestCredentials("alice", "example.com", "abc", "sip:example.com", response,
                    algorithm, "xyz", "auth", "00000001", null);

            assertThat(DigestVerifier.verify(sent, "REGISTER", stored)).as(algorithm.token()).isTrue();
        }
    }
}
