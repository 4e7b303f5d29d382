package org.seed.sip.registrar.regevent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;

class WatcherTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("alice", "example.com");

    @Test
    void userWatchesItsOwnAddress() {
        assertThat(new Watcher("alice", "example.com", false).mayWatch(ALICE)).isTrue();
    }

    @Test
    void userMayNotWatchAnotherUser() {
        assertThat(new Watcher("bob", "example.com", false).mayWatch(ALICE)).isFalse();
    }

    @Test
    void administratorWatchesAnyAddressOfItsDomain() {
        assertThat(new Watcher("admin", "example.com", true).mayWatch(ALICE)).isTrue();
    }

    @Test
    void administratorOfAnotherDomainMayNot() {
        assertThat(new Watcher("admin", "elsewhere.org", true).mayWatch(ALICE)).isFalse();
        assertThat(new Watcher("alice", "elsewhere.org", false).mayWatch(ALICE)).isFalse();
    }
}
