package org.seed.sip.store;

import java.nio.file.Path;

/** Settings for the databases tests open. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An H2 file database in {@code directory}, opened the way the platform's default URL opens it. */
    public static StoreSettings h2(Path directory) {
        return new StoreSettings(h2Url(directory), "sip", "sip", 2);
    }

    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("platform") + ";AUTO_SERVER=TRUE";
    }
}
