package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountIdTest {

    @Test
    void splitsAtTheLastAtSignAndLowersTheDomain() {
        assertThat(AccountId.parse("alice@Example.COM")).contains(new AccountId("alice", "example.com"));
        assertThat(AccountId.parse("alice")).isEmpty();
        assertThat(AccountId.parse("@example.com")).isEmpty();
        assertThat(AccountId.parse("alice@")).isEmpty();
        assertThat(AccountId.parse(" @ ")).isEmpty();
    }

    @Test
    void pathEscapesWhatAPathSegmentCannotCarry() {
        assertThat(new AccountId("alice", "example.com").path()).isEqualTo("/api/accounts/alice@example.com");
        assertThat(new AccountId("a;b?c+d", "example.com").path()).isEqualTo("/api/accounts/a%3Bb%3Fc%2Bd@example.com");
    }

    @Test
    void aorIsTheRegistrarsKey() {
        assertThat(new AccountId("Alice", "EXAMPLE.com").aor()).isEqualTo("sip:Alice@example.com");
    }
}
