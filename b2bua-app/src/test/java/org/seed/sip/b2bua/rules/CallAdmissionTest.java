package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;

class CallAdmissionTest {

    private final CallAdmission admission = new CallAdmission(Set.of("Example.org", "127.0.0.1"), Set.of(5060, 5061));

    @Test
    void aCallerOfOurDomainsProvesWhoItIs() {
        assertThat(admission.admit("example.ORG", "elsewhere.net", -1)).isEqualTo(CallAdmission.Verdict.AUTHENTICATE_CALLER);
        assertThat(admission.admit("127.0.0.1", "127.0.0.1", -1)).isEqualTo(CallAdmission.Verdict.AUTHENTICATE_CALLER);
    }

    @Test
    void aForeignCallerReachesOurUsersButNobodyElse() {
        assertThat(admission.admit("elsewhere.net", "example.org", -1)).isEqualTo(CallAdmission.Verdict.INBOUND);
        assertThat(admission.admit("elsewhere.net", "third.net", -1)).isEqualTo(CallAdmission.Verdict.REFUSE);
        assertThat(admission.admit(null, "third.net", -1)).isEqualTo(CallAdmission.Verdict.REFUSE);
    }

    @Test
    void anotherPortOfOurHostIsAnotherServer() {
        assertThat(admission.admit("elsewhere.net", "127.0.0.1", 5060)).isEqualTo(CallAdmission.Verdict.INBOUND);
        assertThat(admission.admit("elsewhere.net", "127.0.0.1", 9)).isEqualTo(CallAdmission.Verdict.REFUSE);
        assertThat(admission.serves("127.0.0.1", 9)).isFalse();
        assertThat(admission.serves("127.0.0.1", -1)).isTrue();
    }

    @Test
    void credentialsMustBeTheCallersOwn() {
        AddressOfRecord alice = new AddressOfRecord("alice", "example.org");
        assertThat(CallAdmission.callsAsItself(alice, "alice", "EXAMPLE.org")).isTrue();
        assertThat(CallAdmission.callsAsItself(alice, "bob", "example.org")).isFalse();
        assertThat(CallAdmission.callsAsItself(alice, "alice", "other.org")).isFalse();
    }
}
