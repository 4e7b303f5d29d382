package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.ForwardMode;

class ForwardingTest {

    private static final String ALICE = "sip:alice@example.org";
    private static final String CAROL = "sip:carol@example.org";

    private static CallPreferences preferences(boolean dnd, String always, String busy, String offline,
            List<String> blocked, List<String> alsoRing) {
        return new CallPreferences(dnd, always, busy, null, 20, offline, ForwardMode.PROXY, blocked, alsoRing);
    }

    @Test
    void byDefaultThePhonesRing() {
        assertThat(Forwarding.decide(CallPreferences.DEFAULTS, ALICE, true)).isEqualTo(new Forwarding.RingPhones(List.of()));
        assertThat(Forwarding.decide(CallPreferences.DEFAULTS, ALICE, false)).isEqualTo(new Forwarding.Unavailable());
    }

    @Test
    void aBlockedCallerIsDeclinedBeforeAnyForwarding() {
        CallPreferences blocking = preferences(false, CAROL, null, null, List.of("sip:alice@EXAMPLE.org"), List.of());

        assertThat(Forwarding.decide(blocking, "sip:alice@example.org;transport=tcp", true))
                .isEqualTo(new Forwarding.Decline());
        assertThat(Forwarding.decide(blocking, "sip:bob@example.org", true)).isEqualTo(new Forwarding.ForwardTo(CAROL));
    }

    @Test
    void aWholeDomainCanBeBlocked() {
        assertThat(Forwarding.blocks(List.of("*@spam.example"), "sip:anyone@Spam.Example")).isTrue();
        assertThat(Forwarding.blocks(List.of("*@spam.example"), "sip:anyone@example.org")).isFalse();
        assertThat(Forwarding.blocks(List.of("*@spam.example"), "sip:spam.example")).isFalse();
    }

    @Test
    void doNotDisturbIsBusyOrTheBusyForward() {
        assertThat(Forwarding.decide(preferences(true, null, null, null, List.of(), List.of()), ALICE, true))
                .isEqualTo(new Forwarding.Busy());
        assertThat(Forwarding.decide(preferences(true, null, CAROL, null, List.of(), List.of()), ALICE, true))
                .isEqualTo(new Forwarding.ForwardTo(CAROL));
    }

    @Test
    void forwardAlwaysComesBeforeDoNotDisturb() {
        assertThat(Forwarding.decide(preferences(true, CAROL, null, null, List.of(), List.of()), ALICE, true))
                .isEqualTo(new Forwarding.ForwardTo(CAROL));
    }

    @Test
    void offlineForwardsOrRingsTheExtraTargetsOnly() {
        assertThat(Forwarding.decide(preferences(false, null, null, CAROL, List.of(), List.of()), ALICE, false))
                .isEqualTo(new Forwarding.ForwardTo(CAROL));
        assertThat(Forwarding.decide(preferences(false, null, null, null, List.of(), List.of(CAROL)), ALICE, false))
                .isEqualTo(new Forwarding.RingPhones(List.of(CAROL)));
        assertThat(Forwarding.decide(preferences(false, null, null, CAROL, List.of(), List.of()), ALICE, true))
                .isEqualTo(new Forwarding.RingPhones(List.of()));
    }
}
