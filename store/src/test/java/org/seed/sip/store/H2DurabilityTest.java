package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2DurabilityTest {

    @Test
    void embeddedH2WritesEveryCommitAtOnce() {
        assertThat(H2Durability.jdbcUrl("jdbc:h2:file:/var/sip/data/platform;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/var/sip/data/platform;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void writeDelayChosenInTheUrlIsKept() {
        assertThat(H2Durability.jdbcUrl("jdbc:h2:file:/var/sip/platform;write_delay=100"))
                .isEqualTo("jdbc:h2:file:/var/sip/platform;write_delay=100");
    }

    @Test
    void otherDatabasesAreLeftAsConfigured() {
        assertThat(H2Durability.jdbcUrl("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2Durability.jdbcUrl("jdbc:postgresql://127.0.0.1/sip")).isEqualTo("jdbc:postgresql://127.0.0.1/sip");
    }
}
