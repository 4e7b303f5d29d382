package org.seed.sip.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChanges;

/**
 * Run in a child JVM by {@link ProcessCrashTest}: saves one binding, then registers {@value #AORS} AORs from
 * several threads at once (so that their commits share file writes), then dies without any shutdown.
 */
public final class SaveThenDie {

    static final int AORS = 200;

    private SaveThenDie() {
    }

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(TestDatabases.h2(Path.of(args[0])));
        store.bindings().save(StoreContractTest.binding("sip:alice@192.0.2.10", Instant.now().plusSeconds(3600)).build());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Instant now = Instant.now();
        for (int i = 0; i < AORS; i++) {
            String aor = aor(i);
            threads.execute(() -> store.bindings().change(aor, now, stored -> new BindingChanges<>(
                    List.of(Binding.builder(aor, "sip:phone@192.0.2.20").expiresAt(now.plusSeconds(3600))
                            .request("call-" + aor, 1).source("192.0.2.20", 5060, "UDP").build()),
                    List.of(), false, null)));
        }
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("registrations did not finish");
        }
        // no close, no shutdown hooks: as if the process were killed right after the last change returned
        Runtime.getRuntime().halt(0);
    }

    static String aor(int i) {
        return "sip:user" + i + "@example.com";
    }
}
