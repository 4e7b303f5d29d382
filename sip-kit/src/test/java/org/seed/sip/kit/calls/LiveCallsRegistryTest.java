package org.seed.sip.kit.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.kit.platform.SharedPlatform;

/** The console reads the calls the B2BUA offers; with nothing offered there are none to read or end. */
class LiveCallsRegistryTest {

    private static final LiveCall CALL = new LiveCall("call-1", "sip:alice@example.com", "sip:bob@example.com",
            LiveCall.RINGING, Instant.parse("2030-01-01T12:00:00Z"), null);

    /** A carrier with one call, which it ends when asked. */
    private static final class OneCall implements LiveCalls {
        @Override
        public List<LiveCall> current() {
            return List.of(CALL);
        }

        @Override
        public boolean hangUp(String id) {
            return CALL.id().equals(id);
        }
    }

    private final LiveCallsRegistry registry = new LiveCallsRegistry();

    @Test
    void withNothingProvidedThereAreNoCallsAndNoneCanBeHungUp() {
        assertThat(registry.current().current()).isEmpty();
        assertThat(registry.current().hangUp("call-1")).isFalse();
    }

    @Test
    void whatIsProvidedIsReadUntilItsProviderWithdrawsIt() {
        LiveCalls b2bua = new OneCall();
        registry.provide(b2bua);

        assertThat(registry.current().current()).containsExactly(CALL);
        assertThat(registry.current().hangUp("call-1")).isTrue();
        assertThat(registry.current().hangUp("call-2")).isFalse();

        registry.withdraw(new OneCall());
        assertThat(registry.current()).as("another's withdrawal leaves it").isSameAs(b2bua);
        registry.withdraw(b2bua);
        assertThat(registry.current()).isSameAs(LiveCalls.NONE);
    }

    @Test
    void theProcessHasOneRegistryAndACallHasOneOfTwoStates() {
        assertThat(SharedPlatform.process().calls()).isSameAs(SharedPlatform.process().calls());
        assertThatThrownBy(() -> new LiveCall("call-2", "sip:a@example.com", "sip:b@example.com", "held",
                Instant.now(), null)).hasMessageContaining("state");
    }
}
