package org.seed.sip.store.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape a stored preference keeps: what the store and the B2BUA may rely on whoever wrote it. */
class CallPreferencesTest {

    private static CallPreferences withNoAnswerSeconds(int seconds) {
        return new CallPreferences(false, null, null, null, seconds, null, ForwardMode.PROXY, List.of(), List.of());
    }

    private static CallPreferences blocking(List<String> blocked) {
        return new CallPreferences(false, null, null, null, 20, null, ForwardMode.PROXY, blocked, List.of());
    }

    @Test
    void defaultsRingTwentySecondsAndForwardNowhere() {
        assertThat(CallPreferences.DEFAULTS).isEqualTo(new CallPreferences(false, null, null, null, 20, null,
                ForwardMode.PROXY, List.of(), List.of()));
    }

    @Test
    void noAnswerSecondsOutsideFiveToSixHundredIsRefusedNamingTheField() {
        assertThat(withNoAnswerSeconds(5).noAnswerSeconds()).isEqualTo(5);
        assertThat(withNoAnswerSeconds(600).noAnswerSeconds()).isEqualTo(600);
        assertThatThrownBy(() -> withNoAnswerSeconds(4)).hasMessageStartingWith("noAnswerSeconds");
        assertThatThrownBy(() -> withNoAnswerSeconds(601)).hasMessageStartingWith("noAnswerSeconds");
    }

    @Test
    void listsAreCopiedAndBoundedAndTheirEntriesHoldNoWhiteSpace() {
        List<String> given = new ArrayList<>(List.of("sip:spam@example.org"));
        CallPreferences preferences = blocking(given);
        given.add("sip:other@example.org");

        assertThat(preferences.blocked()).containsExactly("sip:spam@example.org");
        assertThatThrownBy(() -> blocking(Collections.nCopies(51, "sip:spam@example.org"))).hasMessageStartingWith("blocked");
        assertThatThrownBy(() -> blocking(List.of("sip:a@example.org\nsip:b@example.org"))).hasMessageStartingWith("blocked");
        assertThatThrownBy(() -> blocking(List.of(""))).hasMessageStartingWith("blocked");
        assertThatThrownBy(() -> new CallPreferences(false, "sip:" + "a".repeat(252) + "@x", null, null, 20, null,
                ForwardMode.PROXY, List.of(), List.of())).hasMessageStartingWith("forwardAlways");
    }

    @Test
    void forwardModesAreNamedInLowerCase() {
        assertThat(ForwardMode.REDIRECT.token()).isEqualTo("redirect");
        assertThat(ForwardMode.fromToken("proxy")).hasValue(ForwardMode.PROXY);
        assertThat(ForwardMode.fromToken("PROXY")).isEmpty();
    }
}
