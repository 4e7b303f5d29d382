package org.seed.sip.registrar.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.rules.RegistrationPolicy;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.rules.RequestedContact;
import org.seed.sip.registrar.rules.SourceAddress;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingChange.Kind;
import org.seed.sip.store.location.LocationService;

/** The registrar service against a real store (an H2 file database), with a fixed clock. */
class RegistrarServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String PHONE = "sip:alice@192.0.2.10:5060";
    private static final Registrant ALICE = new Registrant("alice", "example.com", false);
    private static final Registrant ADMIN = new Registrant("admin", "example.com", true);

    @TempDir
    Path directory;

    private Store store;
    private final List<BindingChange> announced = new ArrayList<>();
    private RegistrarService registrar;

    @BeforeEach
    void openStore() {
        store = Store.open(new StoreSettings("jdbc:h2:file:" + directory.resolve("db"), "sa", "", 2));
        store.accounts().create("alice", "example.com", "Alice", "alice-secret".toCharArray(), false);
        store.bindings().events().subscribe(event -> announced.addAll(event.changes()));
        registrar = new RegistrarService(store.accounts(), store.bindings(),
                new RegistrationRules(new RegistrationPolicy(3600, 60, 7200)), Set.of("example.com"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void firstRegistrationCreatesTheBindingAndAnnouncesIt() {
        RegistrarOutcome outcome = registrar.register(register("call-1", 1, 600, PHONE), ALICE);

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo(PHONE);
            assertThat(binding.expiresIn()).isEqualTo(600);
        });
        assertThat(announced).extracting(BindingChange::kind).containsExactly(Kind.ADDED);
    }

    @Test
    void reRegistrationRefreshesAndZeroExpiryUnregisters() {
        registrar.register(register("call-1", 1, 600, PHONE), ALICE);
        registrar.register(register("call-1", 2, 600, PHONE), ALICE);
        RegistrarOutcome removal = registrar.register(register("call-1", 3, 0, PHONE), ALICE);

        assertThat(removal.bindings()).isEmpty();
        assertThat(announced).extracting(BindingChange::kind)
                .containsExactly(Kind.ADDED, Kind.REFRESHED, Kind.REMOVED);
    }

    @Test
    void refreshWrittenDifferentlyKeepsOneBindingUnderTheStoredContact() {
        registrar.register(register("call-1", 1, 600, "sip:alice@192.0.2.10:5060;transport=udp;ob"), ALICE);
        RegistrarOutcome refresh = registrar.register(
                register("call-1", 2, 900, "SIP:alice@192.0.2.10:5060;ob;transport=UDP"), ALICE);
        RegistrarOutcome removal = registrar.register(
                register("call-1", 3, 0, "sip:alice@192.0.2.10:5060;OB;Transport=Udp"), ALICE);

        assertThat(refresh.bindings()).singleElement().satisfies(binding -> {
            assertThat(binding.contactUri()).isEqualTo("sip:alice@192.0.2.10:5060;transport=udp;ob");
            assertThat(binding.expiresIn()).isEqualTo(900);
        });
        assertThat(removal.bindings()).isEmpty();
        assertThat(store.bindings().all()).isEmpty();
        assertThat(announced).extracting(BindingChange::kind, BindingChange::contactUri).containsExactly(
                tuple(Kind.ADDED, "sip:alice@192.0.2.10:5060;transport=udp;ob"),
                tuple(Kind.REFRESHED, "sip:alice@192.0.2.10:5060;transport=udp;ob"),
                tuple(Kind.REMOVED, "sip:alice@192.0.2.10:5060;transport=udp;ob"));
    }

    @Test
    void outOfOrderRegisterChangesNothing() {
        registrar.register(register("call-1", 5, 600, PHONE), ALICE);

        RegistrarOutcome stale = registrar.register(register("call-1", 5, 0, PHONE), ALICE);

        assertThat(stale.status()).isEqualTo(500);
        assertThat(store.bindings().current("sip:alice@example.com", NOW)).hasSize(1);
        assertThat(announced).hasSize(1);
    }

    @Test
    void tooBriefRegistrationInAListOfContactsChangesNoneOfThem() {
        RegisterRequest mixed = new RegisterRequest(new AddressOfRecord("alice", "example.com"), "call-1", 1, null,
                false, List.of(new RequestedContact(PHONE, 600, null, null, null),
                        new RequestedContact("sip:alice@192.0.2.11", 10, null, null, null)),
                List.of(), false, new SourceAddress("192.0.2.10", 5060, "udp"), null);

        assertThat(registrar.register(mixed, ALICE).status()).isEqualTo(423);
        assertThat(store.bindings().all()).isEmpty();
    }

    @Test
    void unknownUserIsNotFoundAndForeignDomainIsRefused() {
        assertThat(registrar.register(request("mallory", "example.com"), ADMIN).status()).isEqualTo(404);
        assertThat(registrar.register(request("alice", "elsewhere.org"), ALICE).status()).isEqualTo(403);
    }

    @Test
    void userCannotRegisterAnotherUsersAddressButAnAdministratorCan() {
        store.accounts().create("bob", "example.com", "Bob", "bob-secret".toCharArray(), false);
        RegisterRequest forBob = new RegisterRequest(new AddressOfRecord("bob", "example.com"), "call-7", 1, 600, false,
                List.of(RequestedContact.of("sip:bob@192.0.2.20")), List.of(), false,
                new SourceAddress("192.0.2.10", 5060, "udp"), null);

        assertThat(registrar.register(forBob, ALICE).status()).isEqualTo(403);
        assertThat(registrar.register(forBob, ADMIN).status()).isEqualTo(200);
    }

    @Test
    void pathIsEchoedOnlyWhenThePhoneSupportsIt() {
        RegisterRequest withPath = new RegisterRequest(new AddressOfRecord("alice", "example.com"), "call-1", 1, 600,
                false, List.of(RequestedContact.of(PHONE)), List.of("<sip:edge.example.com;lr>"), true,
                new SourceAddress("192.0.2.10", 5060, "udp"), null);
        RegisterRequest pathUnsupported = new RegisterRequest(withPath.aor(), "call-1", 2, 600, false,
                withPath.contacts(), withPath.path(), false, withPath.source(), null);

        assertThat(registrar.register(withPath, ALICE).path()).containsExactly("<sip:edge.example.com;lr>");
        assertThat(registrar.register(pathUnsupported, ALICE).path()).isEmpty();
        assertThat(new LocationService(store.bindings(), Clock.fixed(NOW, ZoneOffset.UTC)).lookup("sip:alice@example.com"))
                .singleElement()
                .satisfies(location -> assertThat(location.path()).containsExactly("<sip:edge.example.com;lr>"));
    }

    private static RegisterRequest register(String callId, long cseq, int expires, String contact) {
        return new RegisterRequest(new AddressOfRecord("alice", "example.com"), callId, cseq, expires, false,
                List.of(RequestedContact.of(contact)), List.of(), false, new SourceAddress("192.0.2.10", 5060, "udp"),
                "test-phone");
    }

    private static RegisterRequest request(String user, String domain) {
        return new RegisterRequest(new AddressOfRecord(user, domain), "call-9", 1, 600, false,
                List.of(RequestedContact.of(PHONE)), List.of(), false, new SourceAddress("192.0.2.10", 5060, "udp"),
                null);
    }
}
