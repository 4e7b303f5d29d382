package org.seed.sip.common.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seed.sip.common.sip.AddressOfRecord;

/** What a presentity's rules grant a watcher: self, the most specific entry, precedence, the defaults. */
class WatcherRulesTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("alice", "example.com");
    private static final WatcherRules RULES = new WatcherRules(List.of("Example.COM", "example.org"),
            new DefaultRule(WatcherGrant.ALLOW, WatcherGrant.PENDING));

    private static AddressOfRecord aor(String uri) {
        return WatcherRules.watcherOf(uri).orElseThrow();
    }

    private static WatcherGrant grant(PresenceRules rules, String watcher) {
        return RULES.decide(ALICE, rules, aor(watcher));
    }

    private static PresenceRules rules(WatcherGrant defaultRule, List<String> allow, List<String> block, List<String> politeBlock) {
        return new PresenceRules(defaultRule, allow, block, politeBlock);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "sip:bob@example.com,      ALLOW",   // one of our domains
        "sip:carol@EXAMPLE.org,    ALLOW",   // our domains compare case-insensitively
        "sip:mallory@example.net,  PENDING", // a stranger waits for alice's decision
        "sip:bob@sub.example.com,  PENDING", // a subdomain is another domain
    })
    void withoutRulesThePlatformDefaultAllowsOurDomainsAndMakesOthersWait(String watcher, WatcherGrant expected) {
        assertThat(grant(null, watcher)).isEqualTo(expected);
        assertThat(grant(PresenceRules.NONE, watcher)).isEqualTo(expected);
    }

    @Test
    void thePresentitysOwnDefaultReplacesThePlatformsForEveryWatcher() {
        PresenceRules blockAll = rules(WatcherGrant.BLOCK, List.of("sip:bob@example.com"), List.of(), List.of());

        assertThat(grant(blockAll, "sip:carol@example.com")).isEqualTo(WatcherGrant.BLOCK);
        assertThat(grant(blockAll, "sip:mallory@example.net")).isEqualTo(WatcherGrant.BLOCK);
        assertThat(grant(blockAll, "sip:bob@example.com")).isEqualTo(WatcherGrant.ALLOW);
        assertThat(grant(rules(WatcherGrant.ALLOW, List.of(), List.of(), List.of()), "sip:mallory@example.net"))
                .isEqualTo(WatcherGrant.ALLOW);
    }

    @Test
    void aPresentityMayAlwaysWatchItself() {
        PresenceRules everythingAgainst = rules(WatcherGrant.BLOCK, List.of(), List.of("sip:alice@example.com", "*@example.com"),
                List.of("sip:alice@example.com"));

        assertThat(grant(everythingAgainst, "sips:alice@EXAMPLE.com:5061;transport=tls")).isEqualTo(WatcherGrant.ALLOW);
        assertThat(grant(everythingAgainst, "sip:Alice@example.com")).as("user parts are case-sensitive").isEqualTo(WatcherGrant.BLOCK);
    }

    @Test
    void anExactUriBeatsADomainWildcardWhateverTheirLists() {
        PresenceRules rules = rules(null, List.of("sip:friend@example.net"), List.of("*@example.net"),
                List.of("*@example.com"));
        PresenceRules reversed = rules(null, List.of("*@example.net"), List.of("sip:foe@example.net"), List.of());

        assertThat(grant(rules, "sip:friend@example.net")).isEqualTo(WatcherGrant.ALLOW);
        assertThat(grant(rules, "sip:other@example.net")).isEqualTo(WatcherGrant.BLOCK);
        assertThat(grant(rules, "sip:bob@example.com")).isEqualTo(WatcherGrant.POLITE_BLOCK);
        assertThat(grant(reversed, "sip:foe@example.net")).isEqualTo(WatcherGrant.BLOCK);
        assertThat(grant(reversed, "sip:other@example.net")).isEqualTo(WatcherGrant.ALLOW);
    }

    @Test
    void betweenEntriesOfEqualSpecificityBlockBeatsPoliteBlockBeatsAllow() {
        String bob = "sip:bob@example.net";
        PresenceRules allThree = rules(null, List.of(bob, "*@example.org"), List.of(bob), List.of(bob, "*@example.org"));
        PresenceRules allowAndPolite = rules(null, List.of(bob), List.of(), List.of("sip:bob@EXAMPLE.NET"));

        assertThat(grant(allThree, bob)).isEqualTo(WatcherGrant.BLOCK);
        assertThat(grant(allThree, "sip:carol@example.org")).isEqualTo(WatcherGrant.POLITE_BLOCK);
        assertThat(grant(allowAndPolite, bob)).isEqualTo(WatcherGrant.POLITE_BLOCK);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "sip:bob@example.net,     sip:bob@EXAMPLE.net",          // host: any case (RFC 3261 §19.1.4)
        "sips:bob@example.net,    sip:bob@example.net",          // the same user's AOR, whichever scheme
        "sip:b%6Fb@example.net,   sip:bob@example.net",          // an escaped character is the character
        "sip:bob@example.net,     sip:bob@example.net:5070;transport=tcp", // the watcher's port and parameters do not count
        "*@Example.NET,           sip:bob@example.net",
        "*@192.0.2.7,             sip:bob@192.0.2.7",
    })
    void entriesMatchWatchersAsAddressesOfRecord(String entry, String watcher) {
        assertThat(grant(rules(null, List.of(), List.of(entry), List.of()), watcher)).isEqualTo(WatcherGrant.BLOCK);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
        "sip:bob@example.net,     sip:Bob@example.net",   // user parts are case-sensitive
        "sip:bob@example.net,     sip:bob@www.example.net",
        "*@example.net,           sip:bob@www.example.net", // *@domain is that domain only
        "*@example.net,           sip:bob@example.edu",
        "bob@example.net,         sip:bob@example.net",   // not a URI: matches nothing
        "sip:bob@example.net;transport=tcp, sip:bob@example.net", // refused by firstProblem: matches nothing either
    })
    void otherWatchersAndInvalidEntriesDoNotMatch(String entry, String watcher) {
        assertThat(grant(rules(null, List.of(), List.of(entry), List.of()), watcher)).isEqualTo(WatcherGrant.PENDING);
    }

    @Test
    void onePolicyDecidesForManyWatchers() {
        PresentityPolicy policy = RULES.of(ALICE, rules(null, List.of("*@example.net"), List.of("sip:eve@example.com"), List.of()));

        assertThat(List.of("sip:bob@example.net", "sip:eve@example.com", "sip:carol@example.com", "sip:dan@example.edu").stream()
                .map(watcher -> policy.grant(aor(watcher))))
                .containsExactly(WatcherGrant.ALLOW, WatcherGrant.BLOCK, WatcherGrant.ALLOW, WatcherGrant.PENDING);
    }

    @Test
    void aWatcherUriOfAnotherSchemeOrWithoutUserIsNoWatcher() {
        assertThat(WatcherRules.watcherOf("tel:+15551234")).isEmpty();
        assertThat(WatcherRules.watcherOf("sip:example.com")).isEmpty();
        assertThat(WatcherRules.watcherOf("not a uri")).isEmpty();
        assertThat(WatcherRules.watcherOf("sips:b%6Fb@EXAMPLE.com:5061")).contains(new AddressOfRecord("bob", "example.com"));
    }
}
