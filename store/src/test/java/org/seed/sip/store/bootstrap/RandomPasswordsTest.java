package org.seed.sip.store.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RandomPasswordsTest {

    @Test
    void passwordsAreSixteenLettersOrDigits() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(RandomPasswords.next()).hasSize(16).matches("[A-Za-z0-9]+");
        }
    }

    @Test
    void passwordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(RandomPasswords.next())).isTrue();
        }
    }
}
