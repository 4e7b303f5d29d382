package org.seed.sip.presence.im.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MessageSettingsTest {

    private static MessageSettings withMaxBody(int maxBody) {
        return new MessageSettings(maxBody, 10, 20, Duration.ofSeconds(8),
                Duration.ofDays(7), 100);
    }

    @Test
    void aBodyLimitBeyondWhatTheStoreHoldsIsRefusedAtStart() {
        assertThat(withMaxBody(MessageSettings.LARGEST_STORABLE_BODY).maxBody()).isEqualTo(65_536);
        assertThatThrownBy(() -> withMaxBody(MessageSettings.LARGEST_STORABLE_BODY + 1))
                .hasMessageContaining("im.max.body");
    }
}
