package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChanges;
import org.seed.sip.store.binding.BindingRepository;

/** The store's behaviour on the default database: an H2 file database, opened as the platform opens it. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings settings() {
        return TestDatabases.h2(dataDir);
    }

    /**
     * On H2 the AOR is locked in the process only, so the expiry purge can delete a binding a registration
     * has read (on PostgreSQL the row lock makes the purge wait instead).
     */
    @Test
    void registrationRacingTheExpiryPurgeDecidesAgain() {
        Instant now = Instant.now();
        String contact = "sip:alice@192.0.2.10";
        store.bindings().save(binding(contact, now.minusSeconds(1)).build());
        AtomicInteger decisions = new AtomicInteger();

        BindingRepository.Changed<Integer> changed = store.bindings().change(ALICE, now, stored -> {
            if (decisions.incrementAndGet() == 1) {
                assertThat(store.bindings().purgeExpired(now)).hasSize(1);
            }
            return new BindingChanges<>(List.of(binding(contact, now.plusSeconds(600)).build()), List.of(), false,
                    stored.size());
        });

        assertThat(decisions).hasValue(2);
        assertThat(changed.result()).as("bindings seen by the second decision").isZero();
        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getContactUri).containsExactly(contact);
    }
}
