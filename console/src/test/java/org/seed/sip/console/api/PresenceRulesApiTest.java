package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.presence.WatcherGrant;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.events.StoreEvents;
import org.seed.sip.store.presence.PresenceRulesEvent;

/** {@code /api/accounts/user@domain/presence-rules}: read with the effective defaults, replaced whole, refused naming the entry. */
class PresenceRulesApiTest extends ApiTestSupport {

    private static final String CAROL = "/accounts/carol@example.com/presence-rules";
    private static final AddressOfRecord CAROL_AOR = new AddressOfRecord("carol", "example.com");
    private static final String PLATFORM_DEFAULT = "\"platformDefault\":{\"ourDomains\":\"allow\",\"otherDomains\":\"pending\"}";

    @BeforeEach
    void carol() {
        store.accounts().create("carol", "example.com", null, "carol-secret".toCharArray(), false);
    }

    private static Optional<PresenceRules> stored() {
        return store.presenceRules().find(CAROL_AOR);
    }

    @Test
    void anAccountThatSetNothingReadsNoEntriesAndThePlatformDefault() {
        ApiResponse answer = call("GET", CAROL);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo("{\"default\":null,\"allow\":[],\"block\":[],\"politeBlock\":[],"
                + PLATFORM_DEFAULT + "}");
    }

    @Test
    void putReplacesEveryRuleTheStoreHasThemAndAGetReadsThemBack() {
        String every = "{\"default\":\"polite-block\",\"allow\":[\"sip:bob@example.com\",\"*@example.org\"],"
                + "\"block\":[\"sips:eve@example.net\"],\"politeBlock\":[\"*@spam.example\"]}";

        ApiResponse answer = call("PUT", CAROL, every);

        assertThat(answer.status()).isEqualTo(200);
        String expected = every.substring(0, every.length() - 1) + "," + PLATFORM_DEFAULT + "}";
        assertThat(json(answer).toString()).isEqualTo(expected);
        assertThat(stored()).contains(new PresenceRules(WatcherGrant.POLITE_BLOCK, List.of("sip:bob@example.com", "*@example.org"),
                List.of("sips:eve@example.net"), List.of("*@spam.example")));
        assertThat(json(call("GET", CAROL)).toString()).isEqualTo(expected);
    }

    @Test
    void fieldsLeftOutAreEmptyOrThePlatformsAndAGetsBodyMayBePutBack() {
        call("PUT", CAROL, "{\"default\":\"block\",\"allow\":[\"sip:bob@example.com\"],\"block\":[\"*@example.net\"]}");

        assertThat(call("PUT", CAROL, "{\"politeBlock\":[\"sip:eve@example.net\"]}").status()).isEqualTo(200);
        assertThat(stored()).contains(new PresenceRules(null, List.of(), List.of(), List.of("sip:eve@example.net")));

        String read = json(call("GET", CAROL)).toString();
        assertThat(call("PUT", CAROL, read).status()).as("platformDefault is ignored in a PUT").isEqualTo(200);
        assertThat(call("PUT", CAROL, "{}").status()).isEqualTo(200);
        assertThat(stored()).contains(PresenceRules.NONE);
    }

    @Test
    void aPutIsAnnouncedToTheStoresListeners() {
        List<PresenceRulesEvent> heard = new CopyOnWriteArrayList<>();
        try (StoreEvents.Subscription subscription = store.presenceRules().events().subscribe(heard::add)) {
            call("PUT", CAROL, "{\"allow\":[\"sip:bob@example.net\"]}");
            call("PUT", CAROL, "{\"allow\":[\"sip:bob@example.net\"],\"block\":[\"mailto:bob@example.net\"]}");
        }

        assertThat(heard).containsExactly(new PresenceRulesEvent(CAROL_AOR,
                new PresenceRules(null, List.of("sip:bob@example.net"), List.of(), List.of())));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(call("GET", "/accounts/nobody@example.com/presence-rules").status()).isEqualTo(404);
        assertThat(error(call("PUT", "/accounts/nobody@example.com/presence-rules", "{}"))).isEqualTo("no account nobody@example.com");
        assertThat(call("GET", "/accounts/not-an-id/presence-rules").status()).isEqualTo(404);
        assertThat(call("DELETE", CAROL).status()).isEqualTo(405);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"default\":\"confirm\"}                    | default must be allow, pending, block or polite-block, not 'confirm'",
        "{\"default\":\"ALLOW\"}                      | default must be allow, pending, block or polite-block, not 'ALLOW'",
        "{\"default\":true}                           | default must be allow, pending, block or polite-block, not 'true'",
        "{\"allow\":\"sip:bob@example.com\"}          | field 'allow' has the wrong type",
        "{\"allow\":[\"sip:bob@example.com\",\"bob@example.com\"]} | allow[1] 'bob@example.com': not a SIP URI such as sip:bob@example.com, nor *@domain",
        "{\"block\":[\"tel:+15551234\"]}              | block[0] 'tel:+15551234': not a SIP URI",
        "{\"block\":[\"sip:example.net\"]}            | block[0] 'sip:example.net': a watcher's URI needs a user part",
        "{\"politeBlock\":[\"*@\"]}                   | politeBlock[0] '*@': *@ must be followed by a domain",
        "{\"politeBlock\":[\"sip:eve@example.net:5060\"]} | politeBlock[0] 'sip:eve@example.net:5060': an address-of-record takes no",
        "{\"politeBlock\":[null]}                     | politeBlock[0] must not be null",
        "{\"block\":[\"\"]}                           | block entries must be 1 to 255 characters without white space",
        "{\"watchers\":[]}                            | unknown field 'watchers'",
    })
    void badInputIsRefusedNamingTheFieldAndTheEntryAndChangesNothing(String body, String error) {
        call("PUT", CAROL, "{\"block\":[\"sip:eve@example.net\"]}");

        ApiResponse answer = call("PUT", CAROL, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith(error);
        assertThat(stored()).hasValueSatisfying(rules -> assertThat(rules.block()).containsExactly("sip:eve@example.net"));
    }

    @Test
    void listsLongerThanTwoHundredAreRefused() {
        String many = "[" + "\"*@example.net\",".repeat(200) + "\"*@one-more.example\"]";

        ApiResponse answer = call("PUT", CAROL, "{\"allow\":" + many + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("allow holds at most 200 entries");
    }

    @Test
    void theRulesGoWithTheAccount() {
        call("PUT", CAROL, "{\"default\":\"block\"}");

        assertThat(call("DELETE", "/accounts/carol@example.com").status()).isEqualTo(204);
        carol();

        assertThat(stored()).isEmpty();
        assertThat(json(call("GET", CAROL)).path("default").isNull()).isTrue();
    }
}
