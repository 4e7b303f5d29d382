package org.seed.sip.store.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.store.Store;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.Ha1;
import org.slf4j.LoggerFactory;

/** First start of the shared store on an empty database, as the server does it. */
class SharedStoreBootstrapTest {

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger bootstrapLogger = (Logger) LoggerFactory.getLogger(AccountBootstrap.class);

    @BeforeEach
    void captureLog() {
        log.start();
        bootstrapLogger.addAppender(log);
    }

    @AfterEach
    void closeSharedStore() {
        bootstrapLogger.detachAppender(log);
        Store.closeShared();
        PlatformSettings.install(null);
    }

    @Test
    void bootstrapCreatesAdminAndDemoAccountsOnlyOnce() throws IOException {
        install("bootstrap.admin.password=\nbootstrap.demo.password=\n");
        Path credentials = home.resolve("data/initial-credentials.txt");

        List<Account> accounts = Store.shared().accounts().list();

        assertThat(accounts).extracting(Account::aor, Account::isAdmin).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("sip:admin@example.com", true),
                org.assertj.core.groups.Tuple.tuple("sip:alice@example.com", false),
                org.assertj.core.groups.Tuple.tuple("sip:bob@example.com", false));
        Map<String, String> passwords = readCredentials(credentials);
        assertThat(passwords).containsOnlyKeys("admin@example.com", "alice@example.com", "bob@example.com");
        assertThat(passwords.values()).allMatch(password -> password.matches("[A-Za-z0-9_-]{16}"))
                .doesNotHaveDuplicates();
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Account admin = Store.shared().accounts().find("admin", "example.com").orElseThrow();
        assertThat(admin.getHa1Md5()).isEqualTo(Ha1.md5("admin", "example.com",
                passwords.get("admin@example.com").toCharArray()));
        assertThat(warnings()).hasSize(3).allMatch(line -> passwords.values().stream().anyMatch(line::contains));

        Store.closeShared();
        Files.delete(credentials);
        log.list.clear();

        assertThat(Store.shared().accounts().count()).isEqualTo(3);
        assertThat(credentials).doesNotExist();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void configuredPasswordsAreUsedAndNeitherWrittenNorLogged() throws IOException {
        install("bootstrap.admin.password=admin-secret\nbootstrap.demo.password=demo-secret\n");

        Account alice = Store.shared().accounts().find("alice", "example.com").orElseThrow();

        assertThat(alice.getHa1Sha256()).isEqualTo(Ha1.sha256("alice", "example.com", "demo-secret".toCharArray()));
        assertThat(Store.shared().accounts().find("admin", "example.com").orElseThrow().getHa1Md5())
                .isEqualTo(Ha1.md5("admin", "example.com", "admin-secret".toCharArray()));
        assertThat(home.resolve("data/initial-credentials.txt")).doesNotExist();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void existingAccountsAreLeftAlone() throws IOException {
        install("bootstrap.admin.password=\nbootstrap.demo.password=\n");
        Store.shared().accounts().create("carol", "example.com", "Carol", "x".toCharArray(), true);
        Store.closeShared();
        Files.delete(home.resolve("data/initial-credentials.txt"));
        Store.shared().inTransaction(em -> em.createQuery("delete from Account a where a.username <> 'carol'")
                .executeUpdate());
        Store.closeShared();

        assertThat(Store.shared().accounts().list()).extracting(Account::aor).containsExactly("sip:carol@example.com");
    }

    private void install(String passwords) throws IOException {
        Path config = home.resolve("platform.properties");
        Files.writeString(config, "data.dir=" + home.resolve("data") + "\n"
                + "db.url=jdbc:h2:file:${data.dir}/platform;AUTO_SERVER=TRUE\n"
                + "sip.domains=Example.com,other.example\n"
                + "bootstrap.admin.user=admin\n"
                + "bootstrap.demo.users=alice, bob\n"
                + passwords);
        PlatformSettings.install(PlatformSettings.load(config));
    }

    private List<String> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    private static Map<String, String> readCredentials(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split(" "))
                .collect(Collectors.toMap(fields -> fields[0], fields -> fields[1]));
    }
}
