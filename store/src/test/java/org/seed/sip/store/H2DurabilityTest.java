package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2DurabilityTest {

    @Test
    void embeddedH2FileDatabaseWaitsForGroupCommits() {
        assertThat(H2Durability.needsGroupCommit("jdbc:h2:file:/var/sip/data/platform;AUTO_SERVER=TRUE")).isTrue();
    }

    @Test
    void writeDelayChosenInTheUrlIsTheOperatorsChoice() {
        assertThat(H2Durability.needsGroupCommit("jdbc:h2:file:/var/sip/platform;write_delay=100")).isFalse();
        assertThat(H2Durability.needsGroupCommit("jdbc:h2:file:/var/sip/platform;WRITE_DELAY=0")).isFalse();
    }

    @Test
    void otherDatabasesAreDurableAtCommit() {
        assertThat(H2Durability.needsGroupCommit("jdbc:h2:mem:test")).isFalse();
        assertThat(H2Durability.needsGroupCommit("jdbc:postgresql://127.0.0.1/sip")).isFalse();
    }
}
