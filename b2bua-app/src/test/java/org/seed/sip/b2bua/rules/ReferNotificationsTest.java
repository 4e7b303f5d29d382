package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferNotificationsTest {

    @Test
    void theFirstReferOfADialogIsNotifiedWithoutIdLaterOnesWithTheirCSeq() {
        assertThat(ReferNotifications.event(2, true)).isEqualTo("refer");
        assertThat(ReferNotifications.event(7, false)).isEqualTo("refer;id=7");
    }

    @Test
    void theSubscriptionIsActiveUntilAFinalStatus() {
        assertThat(ReferNotifications.subscriptionState(100)).isEqualTo("active;expires=60");
        assertThat(ReferNotifications.subscriptionState(180)).startsWith("active");
        assertThat(ReferNotifications.subscriptionState(200)).isEqualTo("terminated;reason=noresource");
        assertThat(ReferNotifications.subscriptionState(486)).isEqualTo("terminated;reason=noresource");
    }

    @Test
    void theBodyIsTheStatusLineAsASipfrag() {
        assertThat(ReferNotifications.body(100, "Trying")).isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(ReferNotifications.body(486, null)).isEqualTo("SIP/2.0 486 Busy Here\r\n");
        assertThat(ReferNotifications.body(599, "")).isEqualTo("SIP/2.0 599 Failed\r\n");
    }
}
