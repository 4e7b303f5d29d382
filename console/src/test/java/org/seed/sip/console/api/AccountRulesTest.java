package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an account's fields may hold (RFC 3261 §25.1 user part; the console's password and length rules). */
class AccountRulesTest {

    private final AccountRules rules = new AccountRules(new ConsoleSettings(List.of("example.com", "other.example")));

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob.Smith", "a", "+4930123456", "user_1-2", "o'neil", "x!~*()&=+$,;?",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsRfc3261UserParts(String username) {
        assertThat(rules.username(username)).isEqualTo(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "alice@example.com", "a:b", "a/b", "percent%41", "tab\t", "émile", "<x>",
            "a1234567890123456789012345678901234567890123456789012345678901234"})
    void refusesOtherUserNames(String username) {
        assertThatThrownBy(() -> rules.username(username))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("username");
    }

    @Test
    void domainDefaultsToTheFirstConfiguredOneAndMustBeConfigured() {
        assertThat(rules.domain(null)).isEqualTo("example.com");
        assertThat(rules.domain(" ")).isEqualTo("example.com");
        assertThat(rules.domain("Other.Example")).isEqualTo("other.example");
        assertThatThrownBy(() -> rules.domain("elsewhere.example"))
                .hasMessage("domain 'elsewhere.example' is not served here; sip.domains is [example.com, other.example]");
    }

    @Test
    void passwordNeedsEightCharacters() {
        assertThat(rules.password("12345678".toCharArray())).hasSize(8);
        assertThatThrownBy(() -> rules.password("1234567".toCharArray()))
                .hasMessage("password must be at least 8 characters long");
        assertThatThrownBy(() -> rules.password(null)).hasMessage("password is required");
    }

    @Test
    void displayNameIsStrippedBlankMeansNoneAndLineBreaksAreRefused() {
        assertThat(rules.displayName("  Alice Liddell ")).isEqualTo("Alice Liddell");
        assertThat(rules.displayName("")).isNull();
        assertThat(rules.displayName(null)).isNull();
        assertThatThrownBy(() -> rules.displayName("Alice\r\nVia: evil")).hasMessage("displayName must not contain control characters");
        assertThatThrownBy(() -> rules.displayName("x".repeat(256))).hasMessage("displayName must be at most 255 characters long");
    }
}
