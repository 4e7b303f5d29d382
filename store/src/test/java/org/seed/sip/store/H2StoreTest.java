package org.seed.sip.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour on the default database: an H2 file database, opened as the platform opens it. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings settings() {
        return TestDatabases.h2(dataDir);
    }
}
