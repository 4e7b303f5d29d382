package org.seed.sip.store;

import java.nio.file.Path;
import java.time.Instant;

/** Run in a child JVM by {@link ProcessCrashTest}: saves one binding, then dies without any shutdown. */
public final class SaveThenDie {

    private SaveThenDie() {
    }

    public static void main(String[] args) {
        Store store = Store.open(TestDatabases.h2(Path.of(args[0])));
        store.bindings().save(StoreContractTest.binding("sip:alice@192.0.2.10", Instant.now().plusSeconds(3600)).build());
        // no close, no shutdown hooks: as if the process were killed right after the save returned
        Runtime.getRuntime().halt(0);
    }
}
