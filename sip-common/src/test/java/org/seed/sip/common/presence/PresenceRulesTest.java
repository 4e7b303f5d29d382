package org.seed.sip.common.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A presentity's rules: their shape, and which entry the console must refuse and why. */
class PresenceRulesTest {

    private static PresenceRules blocking(String... entries) {
        return new PresenceRules(null, List.of(), List.of(entries), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sip:bob@example.com", "sips:bob@example.com", "sip:b%6Fb@example.com", "sip:+15551234@example.com",
        "*@example.com", "*@192.0.2.7", "*@[2001:db8::1]"})
    void sipUrisOfUsersAndDomainWildcardsAreValid(String entry) {
        assertThat(blocking(entry).firstProblem()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bob@example.com                  | not a SIP URI",
        "tel:+15551234                    | not a SIP URI",
        "sip:                             | not a SIP URI",
        "sip:example.com                  | a watcher's URI needs a user part",
        "sip:bob@example.com:5070         | an address-of-record takes no password, port, parameters or headers",
        "sip:bob@example.com;transport=tcp | an address-of-record takes no",
        "sip:bob@example.com?subject=hi   | an address-of-record takes no",
        "sip:bob:secret@example.com       | an address-of-record takes no",
        "*@                               | *@ must be followed by a domain",
        "*@example.com:5060               | *@ must be followed by a domain",
        "*@bob@example.com                | *@ must be followed by a domain",
        "*@example.com;transport=udp      | *@ must be followed by a domain",
        "*.example.com                    | not a SIP URI",
    })
    void malformedEntriesAreNamedWithTheirListPlaceAndReason(String entry, String reason) {
        PresenceRules rules = new PresenceRules(WatcherGrant.PENDING, List.of("sip:ok@example.com"),
                List.of("*@example.net", entry), List.of(entry));

        PresenceRules.EntryProblem problem = rules.firstProblem().orElseThrow();

        assertThat(problem.field()).isEqualTo("block");
        assertThat(problem.index()).isEqualTo(1);
        assertThat(problem.entry()).isEqualTo(entry);
        assertThat(problem.reason()).startsWith(reason);
        assertThat(problem.message()).startsWith("block[1] '" + entry + "': " + reason);
    }

    @Test
    void theFirstProblemIsLookedForInAllowThenBlockThenPoliteBlock() {
        assertThat(new PresenceRules(null, List.of("x"), List.of("y"), List.of("z")).firstProblem())
                .hasValueSatisfying(problem -> assertThat(problem.field()).isEqualTo("allow"));
        assertThat(new PresenceRules(null, List.of(), List.of(), List.of("sip:ok@example.com", "z")).firstProblem())
                .hasValueSatisfying(problem -> assertThat(problem.message()).startsWith("politeBlock[1] 'z': "));
    }

    @Test
    void listsAreCopiedAndBounded() {
        List<String> allow = new ArrayList<>(List.of("sip:bob@example.com"));
        PresenceRules rules = new PresenceRules(null, allow, List.of(), List.of());
        allow.add("sip:eve@example.com");

        assertThat(rules.allow()).containsExactly("sip:bob@example.com");
        assertThat(new PresenceRules(null, List.of(), Collections.nCopies(PresenceRules.MAX_ENTRIES, "*@example.com"), List.of())
                .block()).hasSize(200);
        assertThatThrownBy(() -> new PresenceRules(null, List.of(), List.of(), Collections.nCopies(201, "*@example.com")))
                .hasMessage("politeBlock holds at most 200 entries");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "sip:bob@example.com sip:eve@example.com", "sip:bob@example.com\n"})
    void emptyEntriesAndWhiteSpaceAreOutOfShape(String entry) {
        assertThatThrownBy(() -> new PresenceRules(null, List.of(entry), List.of(), List.of()))
                .hasMessage("allow entries must be 1 to 255 characters without white space");
        assertThatThrownBy(() -> new PresenceRules(null, List.of("sip:" + "b".repeat(248) + "@x.com"), List.of(), List.of()))
                .hasMessageStartingWith("allow entries must be 1 to 255");
    }
}
