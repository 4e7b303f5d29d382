package org.seed.sip.presence.im.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OfflinePolicyTest {

    @Test
    void aKeptMessageIsAcceptedAFullQueueIsTemporarilyUnavailable() {
        assertThat(OfflinePolicy.answer(OfflinePolicy.Kept.STORED).status()).isEqualTo(202);
        assertThat(OfflinePolicy.answer(OfflinePolicy.Kept.QUEUE_FULL).status()).isEqualTo(480);
        assertThat(OfflinePolicy.answer(OfflinePolicy.Kept.NO_ACCOUNT).status()).isEqualTo(404);
    }

    @Test
    void theDateIsRfc1123InGmtWithATwoDigitDay() {
        assertThat(OfflinePolicy.date(Instant.parse("2026-12-01T09:05:07.123Z"))).isEqualTo("Tue, 01 Dec 2026 09:05:07 GMT");
    }
}
