package org.seed.sip.presence.im.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForkTest {

    @Test
    void theFirst2xxWinsAndLaterAnswersChangeNothing() {
        Fork fork = new Fork(3);
        assertThat(fork.answered(486)).isEqualTo(Fork.Outcome.NONE);
        assertThat(fork.answered(202)).isEqualTo(Fork.Outcome.DELIVERED);
        assertThat(fork.answered(200)).isEqualTo(Fork.Outcome.NONE);
        assertThat(fork.timedOut()).isEqualTo(Fork.Outcome.NONE);
    }

    @Test
    void whenEveryContactFailedTheMessageIsUndelivered() {
        Fork fork = new Fork(2);
        assertThat(fork.answered(500)).isEqualTo(Fork.Outcome.NONE);
        assertThat(fork.answered(408)).isEqualTo(Fork.Outcome.UNDELIVERED);
        assertThat(fork.timedOut()).isEqualTo(Fork.Outcome.NONE);
    }

    @Test
    void aTimeoutMakesItUndeliveredAndA2xxAfterThatDropsTheKeptCopyOnce() {
        Fork fork = new Fork(2);
        assertThat(fork.timedOut()).isEqualTo(Fork.Outcome.UNDELIVERED);
        assertThat(fork.answered(200)).isEqualTo(Fork.Outcome.DELIVERED_LATE);
        assertThat(fork.answered(200)).isEqualTo(Fork.Outcome.NONE);
    }

    @Test
    void aForkHasABranch() {
        assertThatThrownBy(() -> new Fork(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
