package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FinalResponsesTest {

    @Test
    void aDeclineOfAnyLegWinsOverEverythingElse() {
        assertThat(FinalResponses.better(603, 486)).isTrue();
        assertThat(FinalResponses.better(486, 603)).isFalse();
        assertThat(FinalResponses.global(603)).isTrue();
        assertThat(FinalResponses.global(486)).isFalse();
    }

    @Test
    void theLowestClassWinsAndBusyWithinIt() {
        assertThat(FinalResponses.better(404, 0)).isTrue();
        assertThat(FinalResponses.better(486, 500)).isTrue();
        assertThat(FinalResponses.better(500, 486)).isFalse();
        assertThat(FinalResponses.better(486, 404)).isTrue();
        assertThat(FinalResponses.better(404, 486)).isFalse();
        assertThat(FinalResponses.better(480, 404)).isFalse();
    }

    @Test
    void theCallerIsNotToldTheCalleesServerFailedOrChallengedTheLeg() {
        assertThat(FinalResponses.relayed(503)).isEqualTo(480);
        assertThat(FinalResponses.relayed(408)).isEqualTo(480);
        assertThat(FinalResponses.relayed(407)).isEqualTo(403);
        assertThat(FinalResponses.relayed(401)).isEqualTo(403);
        assertThat(FinalResponses.relayed(486)).isEqualTo(486);
        assertThat(FinalResponses.relayed(603)).isEqualTo(603);
    }
}
