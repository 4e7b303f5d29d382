package org.seed.sip.store;

import java.time.Instant;
import java.util.function.Function;
import org.seed.sip.store.binding.Binding;

/** Loaded by {@link IsolatedClassLoaderTest} in its own class loader: opens a store, saves and reads back. */
public final class IsolatedStoreProbe implements Function<String, String> {

    @Override
    public String apply(String jdbcUrl) {
        try (Store store = Store.open(new StoreSettings(jdbcUrl, "sip", "sip", 1))) {
            Instant now = Instant.now();
            store.bindings().save(Binding.builder("sip:alice@example.com", "sip:alice@192.0.2.10")
                    .expiresAt(now.plusSeconds(60)).request("call-1", 1).source("192.0.2.10", 5060, "UDP").build());
            return store.bindings().current("sip:alice@example.com", now).get(0).getContactUri();
        }
    }
}
