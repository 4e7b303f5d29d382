package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplacementTest {

    @Test
    void aConfirmedDialogIsReplaced() {
        assertThat(Replacement.refusal(Replacement.Found.CONFIRMED, false)).isZero();
    }

    @Test
    void aConfirmedDialogWithEarlyOnlyGetsBusy() {
        assertThat(Replacement.refusal(Replacement.Found.CONFIRMED, true)).isEqualTo(486);
    }

    @Test
    void noDialogOrAnEarlyOneGetsDoesNotExist() {
        assertThat(Replacement.refusal(Replacement.Found.NONE, false)).isEqualTo(481);
        assertThat(Replacement.refusal(Replacement.Found.EARLY_AS_SERVER, false)).isEqualTo(481);
        assertThat(Replacement.refusal(Replacement.Found.EARLY_AS_SERVER, true)).isEqualTo(481);
        assertThat(Replacement.refusal(Replacement.Found.EARLY_AS_CLIENT, true)).isEqualTo(481);
    }

    @Test
    void aTerminatedDialogIsDeclined() {
        assertThat(Replacement.refusal(Replacement.Found.TERMINATED, false)).isEqualTo(603);
    }
}
