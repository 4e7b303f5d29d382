package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.store.binding.Binding;

class StoreOpeningTest {

    @TempDir
    Path dataDir;

    @Test
    void migratesAnEmptyDatabaseAndValidatesTheSchema() {
        try (Store store = Store.open(TestDatabases.h2(dataDir))) {
            List<?> history = store.inTransaction(em -> em.createNativeQuery(
                    "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")
                    .getResultList());

            // every area's migrations applied, and all of them succeeded (docs/design-notes.md: V<area>_<n>)
            assertThat(history).extracting(row -> ((Object[]) row)[0]).contains("1", "2.1");
            assertThat(history).extracting(row -> ((Object[]) row)[1]).containsOnly(true);
            assertThat(store.accounts().count()).isZero();
            assertThat(store.bindings().all()).isEmpty();
        }
    }

    @Test
    void bindingSurvivesReopeningTheStore() {
        Instant now = Instant.now();
        Binding saved;
        try (Store store = Store.open(TestDatabases.h2(dataDir))) {
            saved = store.bindings().save(StoreContractTest.binding("sip:alice@192.0.2.10", now.plusSeconds(60))
                    .userAgent("Zoiper").build());
        }

        try (Store reopened = Store.open(TestDatabases.h2(dataDir))) {
            assertThat(reopened.bindings().current("sip:alice@example.com", now))
                    .singleElement().usingRecursiveComparison().isEqualTo(saved);
        }
    }

    @Test
    void schemaThatDriftedFromTheEntitiesIsRefused() {
        try (Store store = Store.open(TestDatabases.h2(dataDir))) {
            store.inTransaction(em -> em.createNativeQuery("alter table bindings drop column user_agent").executeUpdate());
        }

        assertThatThrownBy(() -> Store.open(TestDatabases.h2(dataDir)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:h2:file:")
                .hasMessageContaining("user_agent");
    }

    @Test
    void databaseThatCannotBeOpenedIsReportedWithItsUrlAndReason() {
        Store.open(TestDatabases.h2(dataDir)).close();
        StoreSettings wrongPassword = new StoreSettings(TestDatabases.h2Url(dataDir), "sip", "not-the-password", 1);

        assertThatThrownBy(() -> Store.open(wrongPassword))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store database " + TestDatabases.h2Url(dataDir) + ": ")
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void h2UserWhoCannotWriteTheFileIsRefusedAtOpening() throws Exception {
        Store.open(TestDatabases.h2(dataDir)).close();
        try (Connection admin = DriverManager.getConnection(TestDatabases.h2Url(dataDir), "sip", "sip");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER clerk PASSWORD 'clerk'");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO clerk");
        }

        assertThatThrownBy(() -> Store.open(new StoreSettings(TestDatabases.h2Url(dataDir), "clerk", "clerk", 1)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("CHECKPOINT")
                .hasMessageContaining("Admin rights");
    }

    @Test
    void unknownKindOfDatabaseIsReportedWithItsUrl() {
        assertThatThrownBy(() -> Store.open(new StoreSettings("jdbc:nosuchdb://localhost/sip", "sip", "sip", 1)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store database jdbc:nosuchdb://localhost/sip: ");
    }

    @Test
    void passwordInTheUrlIsNeverPrinted() {
        StoreSettings settings = new StoreSettings(
                "jdbc:postgresql://db.example/sip?user=sip&password=hunter2&ssl=true", "sip", "hunter3", 4);

        assertThat(settings.printableUrl()).isEqualTo("jdbc:postgresql://db.example/sip?user=sip&password=***&ssl=true");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("hunter3");
    }
}
