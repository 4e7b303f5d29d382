package org.seed.sip.registrar.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.regevent.rules.Watcher;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;

/** Authorization of reg event subscriptions against a real store (an H2 file database). */
class SubscriptionAccessTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("alice", "example.com");
    private static final AddressOfRecord NOBODY = new AddressOfRecord("nobody", "example.com");
    private static final Watcher ADMIN = new Watcher("admin", "example.com", true);

    @TempDir
    Path directory;

    private Store store;
    private SubscriptionAccess access;

    @BeforeEach
    void openStore() {
        store = Store.open(new StoreSettings("jdbc:h2:file:" + directory.resolve("db"), "sa", "", 2));
        store.accounts().create("alice", "example.com", "Alice", "alice-secret".toCharArray(), false);
        access = new SubscriptionAccess(store.accounts(), Set.of("example.com"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void ownerMayWatchItsAddress() {
        assertThat(access.refusal(ALICE, new Watcher("alice", "example.com", false))).isEmpty();
    }

    @Test
    void administratorMayWatchAnyAccountOfItsDomain() {
        assertThat(access.refusal(ALICE, ADMIN)).isEmpty();
    }

    @Test
    void otherUserIsForbiddenWhetherTheAddressExistsOrNot() {
        Watcher bob = new Watcher("bob", "example.com", false);

        assertThat(status(access.refusal(ALICE, bob))).isEqualTo(403);
        assertThat(status(access.refusal(NOBODY, bob))).isEqualTo(403);
    }

    @Test
    void unknownOrDisabledAccountIsNotFound() {
        assertThat(status(access.refusal(NOBODY, ADMIN))).isEqualTo(404);
        store.accounts().update("alice", "example.com", account -> account.setEnabled(false));
        assertThat(status(access.refusal(ALICE, ADMIN))).isEqualTo(404);
    }

    @Test
    void onlyItsOwnDomainsAreServed() {
        assertThat(access.servesDomainOf(ALICE)).isTrue();
        assertThat(access.servesDomainOf(new AddressOfRecord("alice", "elsewhere.org"))).isFalse();
    }

    @Test
    void requestUriNamesTheNormalisedAorOfADomainServed() {
        assertThat(access.resolve("sip:alice@Example.COM;transport=udp"))
                .hasValue(new Resource("sip:alice@example.com", "example.com"));
        assertThat(access.resolve("sip:alice@elsewhere.org")).isEmpty();
        assertThat(access.resolve("tel:+15551234")).isEmpty();
    }

    private static int status(Optional<SubscribeDecision.Reject> refusal) {
        return refusal.orElseThrow().status();
    }
}
